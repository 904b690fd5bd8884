#!/usr/bin/env node
import { run } from "./cli/program.js";

// A reader that stops early (`paraplan --help | head`) closes the pipe: that ends the output, not the program with a
// stack trace. What was asked for is done; the exit code stays the command's own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// The only place the process is told how to end; commands return exit codes.
const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Signal handlers are installed only by commands that run until stopped.
  waitForStop: () => new Promise<void>((resolve) => ["SIGINT", "SIGTERM"].forEach((signal) => process.once(signal, () => resolve()))),
});
process.exitCode = code;

import { run } from "../../src/cli/program.js";
import type { CliResult } from "./run-cli.js";

/** Runs `paraplan` in this process through `run(argv, io)`, in `cwd`, with output captured (no build needed). */
export async function runInProcess(args: readonly string[], cwd: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    cwd,
    env: {},
    isTTY: false,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    waitForStop: () => Promise.resolve(),
  });
  return { code, stdout, stderr };
}

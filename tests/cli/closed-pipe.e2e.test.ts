import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";

describe("a reader that closes the pipe early", () => {
  it("ends the output quietly: `paraplan --help | head -1` prints no stack trace and exits 0", async () => {
    // The reader keeps the first chunk and closes its end, as `head -1` does, while paraplan is still writing.
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, "schedule", "--help"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stdout.once("data", () => child.stdout.destroy());
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c, stderr }));
    });
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});

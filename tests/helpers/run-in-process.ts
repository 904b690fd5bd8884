import { run } from "../../src/cli/program.js";

/** What an in-process run of the CLI printed, and its exit code. */
export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `paraplan` in this process through `run(argv, io)` in `cwd` (faster than spawning the built binary). */
export async function runInProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  let stdout = "";
  let stderr = "";
  const code = await run([...args], { cwd, env, isTTY: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), waitForStop: () => Promise.resolve() });
  return { code, stdout, stderr };
}

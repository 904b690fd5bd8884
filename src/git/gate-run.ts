/**
 * Runs a wave's gate commands on a simulated merge: the commit is checked out in a temporary detached worktree (no
 * branch, no ref), each gate runs there in turn, and the worktree is removed afterwards whatever happened. A gate's
 * command is the user's own shell command, as in the execution plan's merge block; it runs with `sh -c`, and nothing
 * from the plan but that command is put into the shell.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { git, runGit } from "./run-git.js";

/** How one gate went. */
export interface GateRun {
  id: string;
  command: string;
  /** The command's exit code (null when a signal or the time limit ended it). */
  code: number | null;
  passed: boolean;
  /** The last lines it printed (stdout and stderr together). */
  output: string;
}

const OUTPUT_LINES = 20;

/** Runs the gates on `commit` in a temporary detached worktree of the repository at `cwd`, removed afterwards. */
export async function runGatesOnCommit(
  cwd: string,
  commit: string,
  gates: readonly { id: string; command: string }[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ runs: GateRun[]; worktree: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-gates-"));
  const worktree = path.join(dir, "tree");
  const env = options.env ?? process.env;
  try {
    await git(["worktree", "add", "--detach", "--quiet", worktree, commit], { cwd, env });
    const runs: GateRun[] = [];
    for (const gate of gates) runs.push(await runGate(worktree, gate, env, options.timeoutMs ?? 30 * 60_000));
    return { runs, worktree };
  } finally {
    await runGit(["worktree", "remove", "--force", "--force", worktree], { cwd, env });
    await rm(dir, { recursive: true, force: true });
    await runGit(["worktree", "prune"], { cwd, env });
  }
}

function runGate(cwd: string, gate: { id: string; command: string }, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<GateRun> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", gate.command], { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let output = "";
    const keep = (chunk: Buffer) => {
      // Only the tail is shown: keep a bounded amount, however much the gate prints.
      output = (output + chunk.toString("utf8")).slice(-64 * 1024);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const done = (code: number | null) =>
      resolve({
        id: gate.id,
        command: gate.command,
        code,
        passed: code === 0,
        output: output
          .split("\n")
          .filter((l) => l !== "")
          .slice(-OUTPUT_LINES)
          .join("\n"),
      });
    child.on("error", (error) => {
      output += `${error.message}\n`;
      done(null);
    });
    child.on("close", (code) => done(code));
  });
}

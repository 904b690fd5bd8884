import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEMO_PLAN } from "./demo-plan.js";

/** Runs git in `cwd` as a test user, with the real git (never mocked). */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
}

/** A temporary git repository holding the demo plan, committed on `main`; returns its folder and the commit. */
export async function demoRepository(prefix = "paraplan-diff-"): Promise<{ root: string; first: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(DEMO_PLAN)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  // The cache and the output folder are not the plan's: kept out of every commit.
  await writeFile(path.join(root, ".gitignore"), ".paraplan-cache/\nout/\n");
  gitIn(root, "init", "-q", "-b", "main");
  return { root, first: commitAll(root, "the plan") };
}

/** Commits everything and returns the commit id. */
export function commitAll(root: string, message: string): string {
  gitIn(root, "add", "-A");
  gitIn(root, "commit", "-q", "-m", message);
  return gitIn(root, "rev-parse", "HEAD").trim();
}

/** Replaces text in a file of the project (an edit by hand); fails when the text is not there. */
export async function editByHand(root: string, file: string, from: string, to: string): Promise<void> {
  const abs = path.join(root, file);
  const text = await readFile(abs, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  await writeFile(abs, text.replace(from, to));
}

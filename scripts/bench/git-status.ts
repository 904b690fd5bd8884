// `paraplan status` on a repository with 10 worktrees and 200 commits on each branch, against `git status` run once
// per worktree (the least any status view must do). Part of `npm run bench`; its figures are ratios within one run.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const WORKTREES = 10;
const COMMITS = 200;

/** Runs git with a fixed identity; returns its output. */
function gitIn(cwd: string, args: string[], input?: string): string {
  return execFileSync("git", ["-c", "user.name=Bench", "-c", "user.email=bench@example.com", ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28, ...(input !== undefined ? { input } : {}) });
}

/** A repository with a plan of 10 workstreams in two waves, each branch 200 commits ahead of main, each in its worktree. */
export async function benchRepository(): Promise<{ tmp: string; repo: string; worktrees: string[] }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "paraplan-bench-git-"));
  const repo = path.join(tmp, "repo");
  await mkdir(path.join(repo, "plan", "workstreams"), { recursive: true });
  await mkdir(path.join(repo, "plan", "agents"), { recursive: true });
  await writeFile(path.join(repo, "plan", "project.md"), "---\nname: bench\nworktree_pattern: ../wt/{slug}\nstart_date: 2026-11-30\n---\n\n# bench\n");
  await writeFile(path.join(repo, "plan", "agents", "developer.md"), "---\nid: developer\n---\n\n# Developer\n\n## Role\n\nA developer.\n");
  const ids = Array.from({ length: WORKTREES }, (_, i) => `W${String(i + 1).padStart(2, "0")}`);
  await writeFile(path.join(repo, "plan", "waves.md"), `| Wave | Workstreams |\n| --- | --- |\n| 1 | ${ids.slice(0, 5).join(", ")} |\n| 2 | ${ids.slice(5).join(", ")} |\n`);
  for (const id of ids) {
    await writeFile(path.join(repo, "plan", "workstreams", `${id}.md`), `---\nid: ${id}\nname: Work ${id}\nagent: developer\ndays: 2\n---\n\n# ${id}: Work ${id}\n\n## Goal\n\nBuild ${id}.\n`);
  }
  gitIn(tmp, ["init", "-q", "-b", "main", "repo"]);
  gitIn(repo, ["add", "-A"]);
  gitIn(repo, ["commit", "-q", "-m", "the plan"]);
  // 2,000 commits through one fast-import stream: seconds, not the minutes of 2,000 `git commit` processes.
  const stream: string[] = [];
  let mark = 0;
  for (const id of ids) {
    const slug = `work-${id.toLowerCase()}`;
    for (let c = 0; c < COMMITS; c++) {
      const body = `export const ${id} = ${c};\n`;
      const message = `${id}: step ${c}`;
      stream.push(`commit refs/heads/workstream/${slug}`, `mark :${++mark}`, "committer Bench <bench@example.com> 1764000000 +0000", `data ${Buffer.byteLength(message)}`, message);
      if (c === 0) stream.push("from refs/heads/main^0");
      stream.push(`M 644 inline src/${id.toLowerCase()}.ts`, `data ${Buffer.byteLength(body)}`, body, "");
    }
  }
  gitIn(repo, ["fast-import", "--quiet"], `${stream.join("\n")}\n`);
  const worktrees = ids.map((id) => path.join(tmp, "wt", `work-${id.toLowerCase()}`));
  for (const [i, id] of ids.entries()) gitIn(repo, ["worktree", "add", "-q", "--", worktrees[i]!, `workstream/work-${id.toLowerCase()}`]);
  return { tmp, repo, worktrees };
}

/** The wall time of one process run, in ms; a failure aborts the benchmark. */
async function time(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}: ${stderr.slice(-500)}`))));
  });
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times `paraplan status` (text and --json) and the baseline, `runs` times each; returns the medians and ratios. */
export async function benchStatus(cli: string, baseline: string, runs: number) {
  const { tmp, repo, worktrees } = await benchRepository();
  try {
    // One run first, not timed: it fills paraplan's cache of parsed files, as any second run finds it.
    await time(process.execPath, [cli, "status"], repo);
    const samples = { gitStatusEach: [] as number[], status: [] as number[], statusJson: [] as number[] };
    for (let i = 0; i < runs; i++) {
      samples.gitStatusEach.push(await time(process.execPath, [baseline, ...worktrees], repo));
      samples.status.push(await time(process.execPath, [cli, "status"], repo));
      samples.statusJson.push(await time(process.execPath, [cli, "status", "--json"], repo));
    }
    const ms = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v))])) as Record<keyof typeof samples, number>;
    return { worktrees: WORKTREES, commitsEach: COMMITS, medians: ms, ratios: { statusToGitStatusEach: Math.round((ms.status / ms.gitStatusEach) * 100) / 100 } };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// `npm run bench:forecast` (and `npm run bench`, which calls benchForecast): times `paraplan forecast` on a repository with 10 workstream branches of 200 commits each
// in one wave (two of them changing the same lines, so the order search runs), against a baseline of `git merge-tree
// --write-tree` run once per branch (the least a forecast must do). Benchmarks are not tests.
//   npm run bench:forecast -- --branches 10 --commits 200 --runs 3 [--keep]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};

const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (cwd: string, args: string[], input?: string) => execFileSync("git", args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 28, ...(input !== undefined ? { input } : {}) });

/** A fast-import stream: a base commit with the plan and shared files, then `commits` commits on each branch. */
function history(branches: number, commits: number): string {
  const out: string[] = [];
  let mark = 0;
  const blob = (path: string, text: string) => `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (ref: string, message: string, files: string, from?: number) => {
    mark++;
    out.push(
      `commit ${ref}\nmark :${mark}\ncommitter Bench <bench@example.com> ${1_700_000_000 + mark} +0000\ndata ${message.length}\n${message}\n${from !== undefined ? `from :${from}\n` : ""}${files}\n`,
    );
    return mark;
  };
  const ids = Array.from({ length: branches }, (_, i) => `W${i + 1}`);
  let files = blob("plan/project.md", "---\nname: bench\nbase_branch: main\n---\n\n# bench\n\n## Summary\n\nBench.\n");
  files += blob("plan/agents/dev.md", "---\nid: dev\nname: Dev\n---\n\n# Dev\n\n## Role\n\nCode.\n");
  for (const id of ids)
    files += blob(
      `plan/workstreams/${id}-work.md`,
      `---\nid: ${id}\nname: Work ${id}\nagent: dev\ndays: 1\nbranch: ws/${id.toLowerCase()}\nowns: [src/${id.toLowerCase()}/]\n---\n\n# ${id}: Work ${id}\n\n## Goal\n\nWork.\n`,
    );
  files += blob("plan/waves.md", `# Integration Waves\n\n| Wave | Name | Day | Branch | Workstreams |\n| --- | --- | --- | --- | --- |\n| 1 | All | | \`integration/wave1\` | ${ids.join(", ")} |\n`);
  files += blob("shared.txt", Array.from({ length: 50 }, (_, k) => `line ${k}`).join("\n") + "\n");
  files += blob(".gitignore", ".paraplan-cache/\n");
  const base = commit("refs/heads/main", "base", files);
  ids.forEach((id, b) => {
    let from = base;
    for (let c = 0; c < commits; c++) {
      const lower = id.toLowerCase();
      let change = blob(`src/${lower}/file${c % 20}.txt`, `${id} commit ${c}\n`);
      // The first two branches change the same line of a shared file on their last commit.
      if (c === commits - 1 && b < 2) change += blob("shared.txt", Array.from({ length: 50 }, (_, k) => (k === 10 ? `changed by ${id}` : `line ${k}`)).join("\n") + "\n");
      from = commit(`refs/heads/ws/${lower}`, `${id} ${c}`, change, c === 0 ? base : from);
    }
  });
  return out.join("");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The forecast benchmark: medians of `runs` runs of each side, their ratio, and the forecast's text of the last run. */
export async function benchForecast(cli: string, options: { runs: number; branches?: number; commits?: number; keep?: boolean }) {
  const branches = options.branches ?? 10;
  const commits = options.commits ?? 200;
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-bench-forecast-"));
  try {
    mkdirSync(root, { recursive: true });
    git(root, ["init", "-q", "-b", "main"]);
    git(root, ["fast-import", "--quiet"], history(branches, commits));
    git(root, ["reset", "-q", "--hard", "main"]);
    writeFileSync(path.join(root, ".git", "info", "exclude"), ".paraplan-cache/\n");
    const refs = Array.from({ length: branches }, (_, i) => `refs/heads/ws/w${i + 1}`);
    const samples = { mergeTreeEach: [] as number[], forecast: [] as number[] };
    let output = "";
    // Interleaved, so a change of the machine's load falls on both sides alike.
    for (let i = 0; i < options.runs; i++) {
      let started = performance.now();
      for (const ref of refs) spawnSync("git", ["merge-tree", "--write-tree", "-z", "--name-only", "main", ref], { cwd: root, env });
      samples.mergeTreeEach.push(performance.now() - started);
      started = performance.now();
      const r = spawnSync(process.execPath, [cli, "forecast", "1", "--no-cache"], { cwd: root, env, encoding: "utf8" });
      samples.forecast.push(performance.now() - started);
      if (r.status !== 0) throw new Error(`forecast exited ${r.status}: ${r.stderr}`);
      output = r.stdout;
    }
    const medians = { mergeTreeEach: Math.round(median(samples.mergeTreeEach)), forecast: Math.round(median(samples.forecast)) };
    return {
      branches,
      commitsEach: commits,
      medians,
      ratios: { forecastToMergeTreeEach: Math.round((medians.forecast / Math.max(1, medians.mergeTreeEach)) * 10) / 10 },
      output,
      ...(options.keep ? { kept: root } : {}),
    };
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchForecast(CLI, { runs: Number(arg("runs", "3")), branches: Number(arg("branches", "10")), commits: Number(arg("commits", "200")), keep: process.argv.includes("--keep") });
  console.log(result.output);
  console.log(`${result.branches} branches × ${result.commitsEach} commits, median of ${arg("runs", "3")} runs`);
  console.log(`git merge-tree once per branch: ${result.medians.mergeTreeEach} ms`);
  console.log(`paraplan forecast 1:            ${result.medians.forecast} ms (${result.ratios.forecastToMergeTreeEach}× the baseline)`);
  if (result.kept) console.log(`kept ${result.kept}`);
}

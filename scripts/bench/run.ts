// `npm run bench`: paraplan's commands against baselines on synthetic plans, as whole processes. Benchmarks are not tests.
//   npm run bench -- --sizes 1000,10000 --pairs 7 --out docs/bench-results.json
//
// Method (docs/performance.md):
// - every figure is a ratio of two commands measured in pairs, interleaved (A B, then B A, …), so drift on a shared
//   machine touches both sides alike; the figure is the median of the per-pair ratios, shown with their spread;
// - two baselines: like-for-like (paraplan's own Markdown processor, files read as paraplan reads them) and naive
//   (remark-gfm whole, files read one `await` at a time); the like-for-like one comes first;
// - `node -e 0` runs bare; peak memory is measured in a separate run of each command under /usr/bin/time;
// - a command that exits with another code than the scenario expects fails the benchmark.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticPlan } from "./synthetic-plan.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");
const LIKE = path.join(REPO, "scripts", "bench", "like-for-like-baseline.mjs");
const NAIVE = path.join(REPO, "scripts", "bench", "naive-baseline.mjs");
const TIME = "/usr/bin/time";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const sizes = arg("sizes", "1000,10000").split(",").map(Number);
const pairs = Number(arg("pairs", "5"));
const outFile = arg("out", path.join(REPO, "docs", "bench-results.json"));

/** A command to time: its arguments to node, what to do before each run, and the exit code it must end with. */
interface Step {
  args: string[];
  before?: () => Promise<void>;
  code?: number;
}

/** Runs node with `args` in `cwd` and returns the wall time; an unexpected exit code fails the benchmark. */
async function timed(step: Step, cwd: string): Promise<number> {
  await step.before?.();
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, step.args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, stderr }));
  });
  const ms = performance.now() - started;
  if (code !== (step.code ?? 0)) throw new Error(`node ${step.args.join(" ")} exited ${code}, expected ${step.code ?? 0}: ${stderr.slice(-800)}`);
  return ms;
}

/** A paired figure: the median of the per-pair ratios A/B, their spread, and each side's median time. */
interface Paired {
  ratio: number;
  low: number;
  high: number;
  aMs: number;
  bMs: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

/** Times A and B in `pairs` interleaved pairs (A B, B A, …), after one untimed run of each (to warm the disk cache). */
async function paired(a: Step, b: Step, cwd: string): Promise<Paired> {
  await timed(a, cwd);
  await timed(b, cwd);
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await timed(a, cwd);
      tb = await timed(b, cwd);
    } else {
      tb = await timed(b, cwd);
      ta = await timed(a, cwd);
    }
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { ratio: round(median(ratios)), low: round(Math.min(...ratios)), high: round(Math.max(...ratios)), aMs: Math.round(median(as)), bMs: Math.round(median(bs)) };
}

/** Peak resident memory (MiB) of one run, measured by /usr/bin/time in a run of its own; undefined without it. */
async function measurePeak(step: Step, cwd: string): Promise<number | undefined> {
  if (!existsSync(TIME)) return undefined;
  await step.before?.();
  try {
    execFileSync(TIME, ["-f", "%M", "-o", path.join(cwd, ".peak"), process.execPath, ...step.args], { cwd, stdio: "ignore" });
  } catch (error) {
    if ((error as { status?: number }).status !== (step.code ?? 0)) throw error;
  }
  const kib = Number((await readFile(path.join(cwd, ".peak"), "utf8")).trim().split("\n").at(-1));
  await rm(path.join(cwd, ".peak"), { force: true });
  return Math.round(kib / 1024);
}

/** The time from an edit of one plan file until `watch` reports the rebuild, median of `pairs` edits. */
async function watchRebuild(cwd: string, file: string): Promise<number> {
  const child = spawn(process.execPath, [CLI, "watch", "--debounce", "0"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  const waitFor = async (pattern: RegExp, from: number) => {
    for (;;) {
      if (pattern.test(output.slice(from))) return;
      if (child.exitCode !== null) throw new Error(`watch ended: ${output}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await waitFor(/\[start\][\s\S]*unchanged in \d+ ms/, 0);
  const original = await readFile(file, "utf8");
  const samples: number[] = [];
  // One edit first, not timed: a process's first rebuild also compiles the code paths the next ones take.
  for (let i = -1; i < pairs; i++) {
    const mark = output.length;
    const started = performance.now();
    await writeFile(file, original.replace(/^## Goal\n\n/m, `## Goal\n\nWatch edit ${i}. `));
    await waitFor(/unchanged in \d+ ms/, mark);
    if (i >= 0) samples.push(performance.now() - started);
  }
  await writeFile(file, original);
  child.kill("SIGINT");
  await new Promise((r) => child.on("close", r));
  return Math.round(median(samples));
}

interface SizeResult {
  records: number;
  files: number;
  megabytes: number;
  figures: Record<string, Paired>;
  watchRebuildMs: number;
  peakMiB: Record<string, number | undefined>;
  outputBytes: number;
}

const results: SizeResult[] = [];
for (const size of sizes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `paraplan-bench-${size}-`));
  const written = await writeSyntheticPlan(dir, size);
  const planDir = path.join(dir, "plan");
  const workstreams = (await readdir(path.join(planDir, "workstreams"))).sort();
  const edited = path.join(planDir, "workstreams", workstreams[0]!);
  const original = await readFile(edited, "utf8");
  const firstId = workstreams[0]!.split("-")[0]!;
  let edits = 0;
  // A one-file edit a person makes: a sentence added to a workstream's goal, different every time.
  const editOne = async () => writeFile(edited, original.replace(/^## Goal\n\n/m, `## Goal\n\nEdit ${++edits}. `));
  const clean = async () => {
    await rm(path.join(dir, "out"), { recursive: true, force: true });
    await rm(path.join(dir, ".paraplan-cache"), { recursive: true, force: true });
  };
  // Warm state: out/ generated and the cache filled for the plan as it is now.
  const warm = async () => {
    await timed({ args: [CLI, "generate"] }, dir);
  };
  // Back to the warm state when the other side of a pair (a cold generate) removed out/ and the cache.
  const ensureWarm = async () => {
    if (!existsSync(path.join(dir, "out")) || !existsSync(path.join(dir, ".paraplan-cache"))) await warm();
  };
  const node: Step = { args: ["-e", "0"] };
  const like: Step = { args: [LIKE, planDir] };
  const naive: Step = { args: [NAIVE, planDir] };
  const cold: Step = { args: [CLI, "generate", "--no-cache"], before: clean };
  const f: Record<string, Paired> = {};

  f.coldGenerateToLikeForLike = await paired(cold, like, dir);
  f.coldGenerateToNaive = await paired(cold, naive, dir);
  f.validateToLikeForLike = await paired({ args: [CLI, "validate", "--no-cache"] }, like, dir);
  await warm();
  f.warmGenerateToNodeStartup = await paired({ args: [CLI, "generate"] }, node, dir);
  f.warmPromptToNodeStartup = await paired({ args: [CLI, "prompt", firstId] }, node, dir);
  f.warmCheckToColdGenerate = await paired({ args: [CLI, "check"], before: ensureWarm }, cold, dir);
  // CI clones have no cache: check renders everything and compares it with out/.
  const noCache = async () => rm(path.join(dir, ".paraplan-cache"), { recursive: true, force: true });
  f.ciCheckToColdGenerate = await paired(
    {
      args: [CLI, "check", "--no-cache"],
      before: async () => {
        if (!existsSync(path.join(dir, "out"))) await warm();
        await noCache();
      },
    },
    cold,
    dir,
  );
  await warm();
  // After a one-file edit (caches warm for every other file).
  f.editGenerateToColdGenerate = await paired(
    {
      args: [CLI, "generate"],
      before: async () => {
        await ensureWarm();
        await editOne();
      },
    },
    cold,
    dir,
  );
  await warm();
  f.editPromptToNodeStartup = await paired({ args: [CLI, "prompt", firstId], before: editOne }, node, dir);
  await warm();
  f.editValidateToLikeForLike = await paired({ args: [CLI, "validate"], before: editOne }, like, dir);
  await warm();
  // After an edit out/ is stale: check exits 1, as it should.
  f.editCheckToColdGenerate = await paired(
    {
      args: [CLI, "check"],
      before: async () => {
        await warm();
        await editOne();
      },
      code: 1,
    },
    cold,
    dir,
  );
  f.helpToNodeStartup = await paired({ args: [CLI, "--help"] }, node, dir);
  await writeFile(edited, original);
  await warm();
  const watchRebuildMs = await watchRebuild(dir, edited);

  const peakMiB: Record<string, number | undefined> = {};
  peakMiB.coldGenerate = await measurePeak(cold, dir);
  peakMiB.validate = await measurePeak({ args: [CLI, "validate", "--no-cache"] }, dir);
  await warm();
  peakMiB.ciCheck = await measurePeak({ args: [CLI, "check", "--no-cache"] }, dir);
  peakMiB.prompt = await measurePeak({ args: [CLI, "prompt", firstId], before: editOne }, dir);
  await warm();
  const outputBytes = Number(execFileSync("du", ["-sb", path.join(dir, "out")], { encoding: "utf8" }).split("\t")[0]);
  results.push({ records: size, files: written.files, megabytes: round(written.bytes / 1e6), figures: f, watchRebuildMs, peakMiB, outputBytes });
  await rm(dir, { recursive: true, force: true });
  console.error(`done: ${size} records`);
}

// The like-for-like ratios first, then the naive baseline, then everything else.
const ORDER = [
  "coldGenerateToLikeForLike",
  "validateToLikeForLike",
  "editValidateToLikeForLike",
  "coldGenerateToNaive",
  "editGenerateToColdGenerate",
  "warmCheckToColdGenerate",
  "ciCheckToColdGenerate",
  "editCheckToColdGenerate",
  "warmGenerateToNodeStartup",
  "warmPromptToNodeStartup",
  "editPromptToNodeStartup",
  "helpToNodeStartup",
];
const lines = [`| Ratio (median of ${pairs} pairs, spread) | ${results.map((r) => `${r.records.toLocaleString("en-US")} records`).join(" | ")} |`, `| --- | ${results.map(() => "---").join(" | ")} |`];
for (const key of ORDER) {
  lines.push(
    `| ${key} | ${results
      .map((r) => {
        const p = r.figures[key]!;
        return `${p.ratio}× (${p.low}–${p.high}; ${p.aMs} / ${p.bMs} ms)`;
      })
      .join(" | ")} |`,
  );
}
lines.push(`| watch rebuild | ${results.map((r) => `${r.watchRebuildMs} ms (${round((r.watchRebuildMs / r.figures.coldGenerateToLikeForLike!.aMs) * 100, 1)}% of cold generate)`).join(" | ")} |`);
for (const key of Object.keys(results[0]!.peakMiB)) lines.push(`| peak memory, ${key} | ${results.map((r) => `${r.peakMiB[key] ?? "?"} MiB`).join(" | ")} |`);
lines.push(`| out/ size | ${results.map((r) => `${round(r.outputBytes / 1e6)} MB`).join(" | ")} |`);
console.log(lines.join("\n"));

// The issue's targets, each checked against this run's own figures.
const at = (n: number) => results.find((r) => r.records === n);
const targets: { target: string; figure: string; met: boolean }[] = [];
for (const r of results) {
  const n = r.records.toLocaleString("en-US");
  const fig = (k: string) => r.figures[k]!.ratio;
  targets.push({ target: `cold generate ≤ 1.3× like-for-like at ${n}`, figure: `${fig("coldGenerateToLikeForLike")}×`, met: fig("coldGenerateToLikeForLike") <= 1.3 });
  targets.push({ target: `validate ≤ 1.1× like-for-like at ${n}`, figure: `${fig("validateToLikeForLike")}×`, met: fig("validateToLikeForLike") <= 1.1 });
  targets.push({ target: `generate after a one-file edit ≤ 10% of cold at ${n}`, figure: `${round(fig("editGenerateToColdGenerate") * 100, 1)}%`, met: fig("editGenerateToColdGenerate") <= 0.1 });
  targets.push({ target: `CI check (no cache) ≤ 1.1× cold generate at ${n}`, figure: `${fig("ciCheckToColdGenerate")}×`, met: fig("ciCheckToColdGenerate") <= 1.1 });
  if (r.records === 1000) targets.push({ target: "prompt after an edit ≤ 3× node -e 0 at 1,000", figure: `${fig("editPromptToNodeStartup")}×`, met: fig("editPromptToNodeStartup") <= 3 });
  if (r.records === 10000) {
    const peak = Math.max(...Object.values(r.peakMiB).map((m) => m ?? 0));
    targets.push({ target: "peak memory ≤ 300 MB at 10,000, every command", figure: `${round(peak * 1.048576, 0)} MB`, met: peak * 1.048576 <= 300 });
    targets.push({ target: "a 10,000-record plan generates", figure: "yes", met: true });
  }
}
const small = at(1000);
const large = at(10000);
if (small && large) {
  const growth = (k: string) => round(large.figures[k]!.aMs / small.figures[k]!.aMs);
  for (const k of ["coldGenerateToLikeForLike", "validateToLikeForLike", "ciCheckToColdGenerate", "editGenerateToColdGenerate", "editPromptToNodeStartup"]) {
    targets.push({ target: `10k/1k growth of ${k.replace(/To.*/, "")} ≤ 10×`, figure: `${growth(k)}×`, met: growth(k) <= 10 });
  }
  const out = round(large.outputBytes / small.outputBytes);
  targets.push({ target: "output grows no faster than the records (10k/1k ≤ 10×)", figure: `${out}×`, met: out <= 10 });
}
console.log(["", "| Target | This run | Met |", "| --- | --- | --- |", ...targets.map((t) => `| ${t.target} | ${t.figure} | ${t.met ? "yes" : "no"} |`)].join("\n"));
// `paraplan status` on a repository of 10 worktrees with 200 commits each, against `git status` once per worktree.
const { benchStatus } = await import("./git-status.js");
const gitStatus = await benchStatus(CLI, path.join(REPO, "scripts", "bench", "git-status-baseline.mjs"), pairs);
console.log(
  [
    "",
    "| Git (10 worktrees, 200 commits each) | Median |",
    "| --- | --- |",
    `| git status in each worktree | ${gitStatus.medians.gitStatusEach} ms |`,
    `| paraplan status | ${gitStatus.medians.status} ms (${gitStatus.ratios.statusToGitStatusEach}×) |`,
    `| paraplan status --json | ${gitStatus.medians.statusJson} ms |`,
  ].join("\n"),
);
// `paraplan forecast` of a wave of 10 branches with 200 commits each (one conflicting pair), against `git merge-tree` once per branch.
const { benchForecast } = await import("./forecast.js");
const forecast = await benchForecast(CLI, { runs: pairs });
console.log(
  [
    "",
    "| Git (a wave of 10 branches, 200 commits each) | Median |",
    "| --- | --- |",
    `| git merge-tree once per branch | ${forecast.medians.mergeTreeEach} ms |`,
    `| paraplan forecast 1 | ${forecast.medians.forecast} ms (${forecast.ratios.forecastToMergeTreeEach}×) |`,
  ].join("\n"),
);
const forecastFigures = { branches: forecast.branches, commitsEach: forecast.commitsEach, medians: forecast.medians, ratios: forecast.ratios };
await writeFile(outFile, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, pairs, results, targets, gitStatus, forecast: forecastFigures }, null, 2)}\n`);
console.error(`wrote ${path.relative(process.cwd(), outFile)}`);

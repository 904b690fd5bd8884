// `npm run bench`: times paraplan against baselines on synthetic plans, as whole processes, and prints
// medians, ratios to the baselines and peak memory; writes the figures as JSON. Benchmarks are not tests.
//   npm run bench -- --sizes 100,1000 --runs 3 --out docs/bench-results.json
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticPlan } from "./synthetic-plan.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");
const RSS = path.join(REPO, "scripts", "bench", "rss.mjs");

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const sizes = arg("sizes", "100,1000,10000").split(",").map(Number);
const runs = Number(arg("runs", "3"));
const outFile = arg("out", path.join(REPO, "docs", "bench-results.json"));

interface Sample {
  ms: number;
  rssMiB: number;
}

/** Runs a command once and returns its wall time and peak memory; a non-zero exit aborts the benchmark. */
async function once(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Sample> {
  const rssFile = path.join(os.tmpdir(), `paraplan-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", RSS, ...args], { cwd, env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (c) => (c === 0 || c === 1 ? resolve(c) : reject(new Error(`${args.join(" ")} exited ${c}: ${stderr.slice(-500)}`))));
  });
  const ms = performance.now() - started;
  void code;
  const rssKiB = Number(await readFile(rssFile, "utf8").catch(() => "0"));
  await rm(rssFile, { force: true });
  return { ms, rssMiB: rssKiB / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a measurement `runs` times (with `before` each time) and keeps the median time and the largest memory. */
async function measure(run: () => Promise<Sample>, before: () => Promise<void> = async () => {}): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    samples.push(await run());
  }
  return { ms: median(samples.map((s) => s.ms)), rssMiB: Math.max(...samples.map((s) => s.rssMiB)) };
}

/** The time from an edit of one plan file until `watch` reports the rebuild. */
async function watchRebuild(cwd: string, file: string): Promise<Sample> {
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
  // One edit first, not timed: the first rebuild of a process also compiles the code paths rebuilds take (about twice
  // the time of the next ones); a watch session consists of the next ones.
  for (let i = -1; i < runs; i++) {
    const mark = output.length;
    const started = performance.now();
    await writeFile(file, original.replace(/^## Goal\n\n/m, `## Goal\n\nEdit ${i}. `));
    await waitFor(/unchanged in \d+ ms/, mark);
    if (i >= 0) samples.push(performance.now() - started);
  }
  await writeFile(file, original);
  child.kill("SIGINT");
  await new Promise((r) => child.on("close", r));
  return { ms: median(samples), rssMiB: 0 };
}

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `paraplan-bench-${size}-`));
  const written = await writeSyntheticPlan(dir, size);
  const planDir = path.join(dir, "plan");
  const clean = async () => {
    await rm(path.join(dir, "out"), { recursive: true, force: true });
    await rm(path.join(dir, ".paraplan-cache"), { recursive: true, force: true });
  };
  const row: Record<string, Sample> = {};
  row.nodeStartup = await measure(() => once(["-e", "0"], dir));
  row.readBaseline = await measure(() => once([path.join(REPO, "scripts", "bench", "read-baseline.mjs"), planDir], dir));
  row.parseBaseline = await measure(() => once([path.join(REPO, "scripts", "bench", "parse-baseline.mjs"), planDir], dir));
  row.validate = await measure(() => once([CLI, "validate", "--no-cache"], dir));
  row.coldGenerate = await measure(() => once([CLI, "generate", "--no-cache"], dir), clean);
  await once([CLI, "generate"], dir);
  row.warmGenerate = await measure(() => once([CLI, "generate"], dir));
  row.check = await measure(() => once([CLI, "check"], dir));
  row.prompt = await measure(() => once([CLI, "prompt", "W00001"], dir));
  row.help = await measure(() => once([CLI, "--help"], dir));
  const first = (await import("node:fs/promises")).readdir(path.join(planDir, "workstreams"));
  row.watchRebuild = await watchRebuild(dir, path.join(planDir, "workstreams", (await first).sort()[0]!));
  const ratio = (a: keyof typeof row, b: keyof typeof row) => Math.round((row[a]!.ms / row[b]!.ms) * 100) / 100;
  results.push({
    records: size,
    files: written.files,
    megabytes: Math.round((written.bytes / 1e6) * 100) / 100,
    medians: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, { ms: Math.round(v.ms), peakMiB: Math.round(v.rssMiB) }])),
    ratios: {
      coldGenerateToParseBaseline: ratio("coldGenerate", "parseBaseline"),
      warmGenerateToReadBaseline: ratio("warmGenerate", "readBaseline"),
      watchRebuildToColdGenerate: ratio("watchRebuild", "coldGenerate"),
      promptToNodeStartup: ratio("prompt", "nodeStartup"),
      helpToNodeStartup: ratio("help", "nodeStartup"),
      validateToParseBaseline: ratio("validate", "parseBaseline"),
    },
  });
  await rm(dir, { recursive: true, force: true });
  console.error(`done: ${size} records`);
}

// Growth between the sizes measured (10,000 vs 1,000 records when both ran).
const bySize = new Map(results.map((r) => [r.records as number, r]));
const growth = bySize.has(1000) && bySize.has(10000)
  ? Math.round((((bySize.get(10000)!.medians as Record<string, { ms: number }>).coldGenerate!.ms) / (bySize.get(1000)!.medians as Record<string, { ms: number }>).coldGenerate!.ms) * 100) / 100
  : null;

const names = ["nodeStartup", "readBaseline", "parseBaseline", "validate", "coldGenerate", "warmGenerate", "check", "prompt", "help", "watchRebuild"];
const lines = [`| Measure | ${results.map((r) => `${String(r.records)} records`).join(" | ")} |`, `| --- | ${results.map(() => "---").join(" | ")} |`];
for (const name of names) {
  lines.push(`| ${name} | ${results.map((r) => { const m = (r.medians as Record<string, { ms: number; peakMiB: number }>)[name]!; return `${m.ms} ms${m.peakMiB ? ` (${m.peakMiB} MiB)` : ""}`; }).join(" | ")} |`);
}
for (const key of Object.keys(results[0]!.ratios as object)) {
  lines.push(`| ${key} | ${results.map((r) => `${(r.ratios as Record<string, number>)[key]}×`).join(" | ")} |`);
}
if (growth !== null) lines.push(`| growth, cold generate 10,000 / 1,000 | ${growth}× |`);
console.log(lines.join("\n"));

// The issue's targets, each checked against this run's figures (ratios within one run, so the machine's speed cancels out).
const at = (size: number) => bySize.get(size) as { medians: Record<string, { ms: number; peakMiB: number }>; ratios: Record<string, number> } | undefined;
const targets: { target: string; figure: string; met: boolean }[] = [];
for (const size of [1000, 10000]) {
  const r = at(size);
  if (!r) continue;
  const n = size.toLocaleString("en-US");
  targets.push({ target: `cold generate ≤ 1.2× read+parse at ${n}`, figure: `${r.ratios.coldGenerateToParseBaseline}×`, met: r.ratios.coldGenerateToParseBaseline! <= 1.2 });
  if (size === 1000) {
    targets.push({ target: "cold generate ≤ 0.7× read+parse at 1,000", figure: `${r.ratios.coldGenerateToParseBaseline}×`, met: r.ratios.coldGenerateToParseBaseline! <= 0.7 });
    targets.push({ target: "warm generate ≤ 2× read at 1,000", figure: `${r.ratios.warmGenerateToReadBaseline}×`, met: r.ratios.warmGenerateToReadBaseline! <= 2 });
    targets.push({ target: "watch rebuild ≤ 5% of cold generate at 1,000", figure: `${Math.round(r.ratios.watchRebuildToColdGenerate! * 1000) / 10}%`, met: r.ratios.watchRebuildToColdGenerate! <= 0.05 });
    targets.push({ target: "prompt ≤ 2× node -e 0", figure: `${r.ratios.promptToNodeStartup}×`, met: r.ratios.promptToNodeStartup! <= 2 });
    targets.push({ target: "--help ≤ 2× node -e 0", figure: `${r.ratios.helpToNodeStartup}×`, met: r.ratios.helpToNodeStartup! <= 2 });
  }
  if (size === 10000) targets.push({ target: "peak memory ≤ 400 MB at 10,000 (cold generate)", figure: `${r.medians.coldGenerate!.peakMiB} MiB`, met: r.medians.coldGenerate!.peakMiB * 1.048576 <= 400 });
}
if (growth !== null) targets.push({ target: "growth 10,000 / 1,000 ≤ 11×", figure: `${growth}×`, met: growth <= 11 });
if (targets.length > 0) {
  console.log(["", "| Target | This run | Met |", "| --- | --- | --- |", ...targets.map((t) => `| ${t.target} | ${t.figure} | ${t.met ? "yes" : "no"} |`)].join("\n"));
}
// `paraplan status` on a repository of 10 worktrees with 200 commits each, against `git status` once per worktree.
const { benchStatus } = await import("./git-status.js");
const gitStatus = await benchStatus(CLI, path.join(REPO, "scripts", "bench", "git-status-baseline.mjs"), runs);
console.log(["", "| Git (10 worktrees, 200 commits each) | Median |", "| --- | --- |", `| git status in each worktree | ${gitStatus.medians.gitStatusEach} ms |`, `| paraplan status | ${gitStatus.medians.status} ms (${gitStatus.ratios.statusToGitStatusEach}×) |`, `| paraplan status --json | ${gitStatus.medians.statusJson} ms |`].join("\n"));
await writeFile(outFile, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, runs, results, growth, targets, gitStatus }, null, 2)}\n`);
console.error(`wrote ${path.relative(process.cwd(), outFile)}`);

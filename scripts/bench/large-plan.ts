// `npm run bench:large-plan`: a plan of 10,000 workstreams generates (#22), its execution plan split into pages, every
// document under the limit. Too slow for the test suite (tests/render/plan-pages.test.ts forces the split on small
// plans); run by hand, it fails on an exit code other than 0 and prints the time and the peak memory of `generate`.
//   npm run bench:large-plan -- --workstreams 10000
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_DOCUMENT_CHARS } from "../../src/render/document-limits.js";
import { writeLargePlan } from "../../tests/helpers/large-plan.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");
const i = process.argv.indexOf("--workstreams");
const count = i === -1 ? 10_000 : Number(process.argv[i + 1]);

/** Every file under a folder with its size in bytes. */
async function sizes(dir: string, prefix = ""): Promise<[string, number][]> {
  const found: [string, number][] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) found.push(...(await sizes(path.join(dir, e.name), `${rel}/`)));
    else found.push([rel, (await stat(path.join(dir, e.name))).size]);
  }
  return found;
}

const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-large-"));
try {
  await writeLargePlan(root, count);
  // `%e %M`: wall seconds and peak resident memory in KB, on the last line of stderr.
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, CLI, "generate", "--no-cache", "-q"], { cwd: root, encoding: "utf8" });
  const [seconds, kb] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  if (run.status !== 0) throw new Error(`generate exited with ${run.status}:\n${run.stderr}`);
  const files = await sizes(path.join(root, "out"));
  const largest = files.reduce((a, b) => (b[1] > a[1] ? b : a));
  const plan = files.find(([f]) => f === "PARALLEL_EXECUTION_PLAN.md")![1];
  const pages = files.filter(([f]) => f.startsWith("execution-plan/")).length;
  console.log(`${count} workstreams: generate exit 0 in ${seconds} s, peak memory ${Math.round(kb! / 1024)} MB`);
  console.log(
    `${files.length} documents; execution plan ${plan.toLocaleString("en-US")} bytes and ${pages} pages; largest ${largest[0]} (${largest[1].toLocaleString("en-US")} bytes, limit ${MAX_DOCUMENT_CHARS.toLocaleString("en-US")})`,
  );
  if (largest[1] > MAX_DOCUMENT_CHARS) throw new Error("a document is over the limit");
} finally {
  await rm(root, { recursive: true, force: true });
}

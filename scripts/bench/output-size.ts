// How the generated output grows with the plan: `generate --no-cache` on synthetic plans, bytes per output folder.
//   npm run build && npx tsx scripts/bench/output-size.ts --sizes 1000,10000
// The target (#22) is that no folder grows faster than the records: the last row's ratios stay at or under the size ratio.
// Until the execution plan splits, at 10,000 records it is over the 5 MiB document limit and `generate` writes nothing:
// the figures in docs/performance.md were taken with MAX_DOCUMENT_CHARS raised in dist/render/document-limits.js.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticPlan } from "./synthetic-plan.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const sizes = arg("sizes", "1000,10000").split(",").map(Number);

/** The bytes of every file under a folder (0 when it does not exist). */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const e of entries) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
}

const PARTS = ["out", "out/prompts", "out/sessions", "out/adr"] as const;

const rows: { size: number; ms: number; bytes: Record<string, number> }[] = [];
for (const size of sizes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `paraplan-size-${size}-`));
  try {
    await writeSyntheticPlan(dir, size);
    const started = performance.now();
    try {
      execFileSync(process.execPath, [CLI, "generate", "--no-cache"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
    } catch (error) {
      console.error(`generate failed on ${size} records (${(error as Error).message.split("\n")[0]}): its sizes are left out`);
      continue;
    }
    const ms = performance.now() - started;
    const bytes: Record<string, number> = {};
    for (const part of PARTS) bytes[part] = await bytesUnder(path.join(dir, part));
    rows.push({ size, ms, bytes });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`| Records | generate | ${PARTS.join(" | ")} |`);
console.log(`| --- | --- | ${PARTS.map(() => "---").join(" | ")} |`);
for (const r of rows) console.log(`| ${r.size} | ${(r.ms / 1000).toFixed(1)} s | ${PARTS.map((p) => kb(r.bytes[p]!)).join(" | ")} |`);
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1]!, rows[i]!];
  console.log(`| ${b.size}/${a.size} = ${(b.size / a.size).toFixed(1)}× | ${(b.ms / a.ms).toFixed(1)}× | ${PARTS.map((p) => `${(b.bytes[p]! / a.bytes[p]!).toFixed(1)}×`).join(" | ")} |`);
}

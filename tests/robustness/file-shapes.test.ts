/**
 * File-system shapes the plan reader meets (issue #18 items 7, 8): files of gigabytes, FIFOs, folders where files are
 * expected, links inside, outside and in loops. Reading never throws, never hangs, answers within a time and memory
 * budget, and reports each problem at its file.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, open, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPlan, readPlanFile } from "../../src/io/read-plan.js";
import { LIMITS } from "../../src/parse/limits.js";
import { LONG, settings } from "./helpers/fuzz.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-shapes-"));
  await mkdir(path.join(root, "plan", "workstreams"), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A file of `size` bytes that takes no room on disk (a sparse file of zeros), with `text` at its start. */
async function sparse(relative: string, size: number, text = "---\nid: A1\n---\n"): Promise<string> {
  const abs = path.join(root, relative);
  const handle = await open(abs, "w");
  await handle.write(text);
  await handle.truncate(size);
  await handle.close();
  return abs;
}

/** Runs `f`, and how long it took and how much the heap grew. */
async function measured<T>(f: () => Promise<T> | T): Promise<{ value: T; ms: number; heapMb: number }> {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const value = await f();
  return { value, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6 };
}

const codes = (diagnostics: readonly { code: string; file: string }[]) => diagnostics.map((d) => `${d.code} ${d.file}`);

describe("huge files are refused by their size, before reading", () => {
  it.each([
    ["3 GB (was: `Check the file's permissions`)", 3 * 1024 ** 3],
    ["600 MB (was: exit 4, a string too long to create)", 600 * 1024 ** 2],
    ["100 MB (was: 29 s to find a bad byte)", 100 * 1024 ** 2],
    ["one byte over the limit", LIMITS.fileBytes + 1],
  ])("%s: too-large at once, in little memory", async (_name, size) => {
    const abs = await sparse("plan/workstreams/A1-huge.md", size);
    const { value, ms, heapMb } = await measured(() => readPlanFile(abs, "plan/workstreams/A1-huge.md", "workstreams/A1-huge.md"));
    expect(value.planFile).toBeUndefined();
    expect(value.diagnostics.map((d) => [d.code, d.message])).toEqual([["too-large", `file has ${size.toLocaleString("en-US")} bytes; paraplan reads at most 524,288 characters per file`]]);
    expect(ms).toBeLessThan(1_000);
    expect(heapMb).toBeLessThan(16);
  });

  it("a file within the byte limit is read, and its characters are counted by the parser's limit", async () => {
    const abs = path.join(root, "plan/workstreams/A1-wide.md");
    // 524,000 characters of three bytes each and 300 of one: 1.57 MB, within the byte limit, over the character limit.
    await writeFile(abs, `---\nid: A1\n---\n${"€".repeat(524_000)}${"a".repeat(300)}\n`);
    const read = readPlanFile(abs, "plan/workstreams/A1-wide.md", "workstreams/A1-wide.md");
    expect(read.diagnostics).toEqual([]);
    expect(read.planFile?.text.length).toBeGreaterThan(LIMITS.fileChars);
  });

  it("finds a bad byte at the end of a file at the limit quickly, at its line and column", async () => {
    const abs = path.join(root, "plan/workstreams/A1-bad.md");
    const lines = Math.floor((LIMITS.fileBytes - 10) / 4);
    await writeFile(abs, Buffer.concat([Buffer.from("é\n".repeat(lines - 1) + "aé"), Buffer.from([0xe9, 0x0a])]));
    const { value, ms } = await measured(() => readPlanFile(abs, "a.md", "workstreams/A1-bad.md"));
    expect(value.diagnostics.map((d) => `${d.code}@${d.start.line}:${d.start.column}`)).toEqual([`not-utf8@${lines}:3`]);
    expect(ms).toBeLessThan(2_000);
  });
});

describe("files that are not files", () => {
  it("a FIFO named like a plan file does not hang the reader: it is reported, not read", async () => {
    const fifo = path.join(root, "plan", "workstreams", "A2-pipe.md");
    execFileSync("mkfifo", [fifo]);
    const { value, ms } = await measured(() => readPlanFile(fifo, "plan/workstreams/A2-pipe.md", "workstreams/A2-pipe.md"));
    expect(codes(value.diagnostics)).toEqual(["unreadable-file plan/workstreams/A2-pipe.md"]);
    expect(value.diagnostics[0]!.message).toBe("file is not a regular file (a FIFO, socket or device) and is not read");
    expect(ms).toBeLessThan(1_000);
  });
});

/** One entry of a generated plan folder. */
type Entry = { at: string; kind: "file" | "huge" | "fifo" | "folder" | "empty" | "link-up" | "link-self" | "link-outside" | "link-inside" | "link-nowhere" };
const PLACES = ["workstreams/A1-x.md", "workstreams/sub", "workstreams/sub/A2-y.md", "agents/a.md", "notes", "notes/deep", "notes/deep/z.md", "x.md"];
const entry: fc.Arbitrary<Entry> = fc.record({
  at: fc.constantFrom(...PLACES),
  kind: fc.constantFrom("file", "huge", "fifo", "folder", "empty", "link-up", "link-self", "link-outside", "link-inside", "link-nowhere"),
});

/** Creates an entry under `plan/`; entries whose place is taken, or under a file, are left out. */
async function make(plan: string, { at, kind }: Entry): Promise<void> {
  const abs = path.join(plan, at);
  await mkdir(path.dirname(abs), { recursive: true }).catch(() => undefined);
  const create: Record<Entry["kind"], () => Promise<unknown>> = {
    file: () => writeFile(abs, `---\nid: A${at.length}\ndays: 1\n---\n\n# A${at.length}: x\n`, { flag: "wx" }),
    huge: () => open(abs, "wx").then(async (h) => (await h.truncate(2 * 1024 ** 3), h.close())),
    fifo: () => Promise.resolve().then(() => execFileSync("mkfifo", [abs], { stdio: "ignore" })),
    folder: () => mkdir(abs),
    empty: () => writeFile(abs, "", { flag: "wx" }),
    "link-up": () => symlink("..", abs),
    "link-self": () => symlink(path.basename(abs), abs),
    "link-outside": () => symlink(os.tmpdir(), abs),
    "link-inside": () => symlink(path.relative(path.dirname(abs), plan), abs),
    "link-nowhere": () => symlink("missing", abs),
  };
  await create[kind]().catch(() => undefined);
}

describe("fuzzing the plan folder's shape", () => {
  it("links, loops, FIFOs, huge files and folders named like files: read within a time and memory budget, never thrown", { timeout: LONG ? 3_600_000 : 120_000 }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), async (entries) => {
        const plan = path.join(root, `case-${n++}`, "plan");
        await mkdir(plan, { recursive: true });
        for (const e of entries) await make(plan, e);
        const { value, ms, heapMb } = await measured(() => readPlan(plan, root));
        // Every file is listed once, and every problem is at a file of the plan.
        expect(new Set(value.files.map((f) => f.file)).size).toBe(value.files.length);
        for (const d of value.diagnostics) expect(d.file.startsWith(`case-${n - 1}/plan/`)).toBe(true);
        expect(ms).toBeLessThan(5_000);
        expect(heapMb).toBeLessThan(200);
      }),
      settings(25),
    );
  });
});

import type { PlanSettings } from "../model/plan-settings.js";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { diagnostic, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import { garbagePacer } from "./collect-garbage.js";
import { mapConcurrently } from "./concurrently.js";
import { listPlanFiles } from "./list-plan-files.js";
import { readBounded } from "./read-bounded.js";
import { LIMITS, tooLargeFile } from "../parse/limits.js";
import { PlanNotFoundError } from "./plan-not-found.js";
import type { ParsedFile } from "../parse/raw-record.js";
import type { DiskCache } from "./disk-cache.js";
import type { WorkerPool } from "./worker-pool.js";

/** A plan file's text as read from disk, before parsing. */
export interface PlanFile {
  /** The file's path relative to the project root (POSIX separators): the same from whichever folder paraplan runs. */
  file: string;
  /** Path inside the plan folder (`workstreams/TD2-x.md`). */
  relative: string;
  text: string;
}

function at(file: string): Location {
  return { file, ...FILE_START };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one plan file as UTF-8 text; unreadable or non-UTF-8 files become diagnostics, not exceptions. Synchronous on
 * purpose: plan files are small, and one read through the thread pool costs several times its system calls.
 */
export function readPlanFile(abs: string, file: string, relative: string): { planFile?: PlanFile; diagnostics: Diagnostic[] } {
  const read = readBounded(abs, LIMITS.fileBytes);
  if ("tooLarge" in read) return { diagnostics: [tooLargeFile(file, read.tooLarge)] };
  if ("notAFile" in read)
    return { diagnostics: [diagnostic("error", "unreadable-file", at(file), "file is not a regular file (a FIFO, socket or device) and is not read", "Remove it from the plan folder.")] };
  if ("error" in read) return { diagnostics: [diagnostic("error", "unreadable-file", at(file), `file cannot be read (${read.error})`, "Check the file's permissions.")] };
  const bytes = read.bytes;
  // A NUL byte means binary content, whatever the rest decodes to: the parser reports it as such.
  if (bytes.includes(0)) return { planFile: { file, relative, text: new TextDecoder().decode(bytes) }, diagnostics: [] };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const location = at(file);
    location.start = { line: bad.line, column: bad.column, offset: bad.offset };
    location.end = location.start;
    return { diagnostics: [diagnostic("error", "not-utf8", location, "file is not valid UTF-8 text", 'Save the file as UTF-8 (your editor\'s "Save with encoding" option).')] };
  }
  // A byte-order mark is an encoding detail, not content.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { planFile: { file, relative, text }, diagnostics: [] };
}

/** Where the first invalid UTF-8 sequence starts, for the diagnostic's position. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number; offset: number } {
  // The lossy decoding puts U+FFFD where each invalid sequence starts; one that the bytes spell (EF BF BD) is text.
  // One pass, however large the file: byte offsets are counted as the text before each candidate is measured.
  const lossy = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let index = 0;
  let byteOffset = 0;
  let found = lossy.length;
  for (let at = lossy.indexOf("\uFFFD"); at !== -1; at = lossy.indexOf("\uFFFD", at + 1)) {
    byteOffset += Buffer.byteLength(lossy.slice(index, at));
    index = at;
    if (bytes[byteOffset] !== 0xef || bytes[byteOffset + 1] !== 0xbf || bytes[byteOffset + 2] !== 0xbd) {
      found = at;
      break;
    }
  }
  // Positions count from the text after a byte-order mark, as the text is parsed without it.
  const before = lossy.slice(lossy.charCodeAt(0) === 0xfeff ? 1 : 0, found);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: before.length };
}

/**
 * Parsed files by path with the text they were parsed from: a file whose text is unchanged is not parsed again, and
 * one whose size and modification time are those it had when read is not even read again.
 */
export type ParseCache = Map<string, { text: string; parsed: ParsedFile; size?: number; mtimeMs?: number }>;

/** How a read may save work: parsed files kept in memory (watch), on disk (between runs), and worker threads. */
export interface ReadOptions {
  memory?: ParseCache;
  disk?: DiskCache;
  /** Worker threads, started on first use; used only for plans big enough to repay their start-up. */
  pool?: () => WorkerPool;
  /** The project's settings (`paraplan.config.json`) that change how the plan is read and checked. */
  settings?: PlanSettings;
  /** Keep each file's text beside its parse (a change edits the texts it read): every file is then read. */
  keepTexts?: boolean;
  /** Filled with a hash of each file's text as read and parsed, by path: what the model snapshot records it was built from. */
  hashes?: Map<string, string>;
}

/** A hash of a plan file's text, as the model snapshot records it. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 200;

// Reading many small files one at a time leaves libuv's thread pool idle between calls; a few at once is enough.
const READ_CONCURRENCY = 32;

/** Reads and parses every file of a plan folder; only files whose text is new are parsed, on worker threads when given. */
export async function readPlan(planDir: string, root: string = path.dirname(planDir), env: ReadOptions = {}): Promise<{ files: ParsedFile[]; diagnostics: Diagnostic[]; texts: PlanFile[] }> {
  const info = await stat(planDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new PlanNotFoundError(planDir);
  const listed = await listPlanFiles(planDir, root);
  const diagnostics = [...listed.diagnostics];
  const pool = env.pool && listed.files.length >= PARALLEL_FROM ? env.pool() : undefined;
  const pace = garbagePacer(listed.files.length);
  const results = await mapConcurrently(listed.files, READ_CONCURRENCY, async (entry) => {
    // Synchronous: a watch rebuild stats every file, and a thread-pool round trip costs several times the call.
    const info = env.memory ? statSync(entry.abs, { throwIfNoEntry: false }) : undefined;
    const remembered = env.memory?.get(entry.file);
    if (info && remembered && remembered.size === info.size && remembered.mtimeMs === info.mtimeMs && !env.keepTexts) return { parsed: remembered.parsed, diagnostics: [] };
    const read = readPlanFile(entry.abs, entry.file, entry.relative);
    if (read.planFile) env.hashes?.set(entry.file, textHash(read.planFile.text));
    const parsed = read.planFile ? await parseCached(read.planFile, env, pool, info) : undefined;
    pace();
    return { parsed, diagnostics: read.diagnostics, ...(env.keepTexts && parsed ? { planFile: read.planFile } : {}) };
  });
  for (const r of results) diagnostics.push(...r.diagnostics);
  const files = results.map((r) => r.parsed);
  // Forget files that are gone, so a cache never grows without bound in a long watch.
  const present = new Set(listed.files.map((f) => f.file));
  if (env.memory) for (const key of [...env.memory.keys()]) if (!present.has(key)) env.memory.delete(key);
  return { files: files.filter((f) => f !== undefined), diagnostics, texts: results.flatMap((r) => ("planFile" in r && r.planFile ? [r.planFile] : [])) };
}

/**
 * File times tick coarsely (every few milliseconds here), so a file read within a tick of its last change could change
 * again, at the same size, without its time changing. Such a file is not vouched for by its size and time: the next
 * build reads it again (and parses it only if its text changed), as git re-checks its "racily clean" entries.
 */
const RACY_MS = 50;

function settled(info: { mtimeMs: number }): boolean {
  return Date.now() - info.mtimeMs > RACY_MS;
}

/** Parses one file, or takes it from the memory or disk cache when its text is unchanged. */
export async function parseCached(planFile: PlanFile, env: ReadOptions, pool: WorkerPool | undefined, info?: { size: number; mtimeMs: number }): Promise<ParsedFile> {
  const { text, file, relative } = planFile;
  const remembered = env.memory?.get(file);
  const stamp = info && settled(info) ? { size: info.size, mtimeMs: info.mtimeMs } : {};
  if (remembered && remembered.text === text) {
    env.memory?.set(file, { text, parsed: remembered.parsed, ...stamp });
    return remembered.parsed;
  }
  const key = `${file}\0${relative}\0${text}`;
  let parsed: ParsedFile | undefined;
  const stored = await env.disk?.get("parse", key);
  if (stored) {
    try {
      parsed = deserialize(stored) as ParsedFile;
    } catch {
      // A corrupt entry is a miss.
    }
  }
  if (!parsed) {
    // The parser (unified, remark, yaml) is loaded only when some file is not in the cache.
    parsed = pool ? await pool.run<ParsedFile>({ kind: "parse", text, file, relative }) : (await import("../parse/parse-record.js")).parseRecord(text, file, relative);
    await env.disk?.set("parse", key, serialize(parsed));
  }
  env.memory?.set(file, { text, parsed, ...stamp });
  return parsed;
}

export { PlanNotFoundError };

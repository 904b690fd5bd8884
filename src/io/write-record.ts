import { createHash } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { FileChangedError, FileExistsError } from "../diagnostics/errors.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Plan } from "../model/types.js";
import type { PlanSettings } from "../model/plan-settings.js";
import type { ParsedFile } from "../parse/raw-record.js";
import { analysePlan } from "../schedule/analyse-plan.js";
import { assertWritableInside, isWithin } from "./inside-folder.js";
import { writeAtomic } from "./atomic-write.js";
import { createNewFile } from "./create-new-file.js";
import { applyPlanChange, resumePlanChange } from "./plan-change.js";
import { cacheFolderOf, openDiskCache } from "./disk-cache.js";
import { PlanNotFoundError, readPlan, type PlanFile } from "./read-plan.js";
import { makeFolder } from "./make-folder.js";
import { toPosix } from "./posix-path.js";

/** A plan read for a change: every file's text and parse, the plan built from them, and every problem found. */
export interface PlanForWrite {
  planDir: string;
  /** The project root: every file path here is relative to it. */
  root: string;
  /** The plan folder as diagnostics show it (`plan`). */
  shownDir: string;
  files: { planFile: PlanFile; parsed: ParsedFile }[];
  readDiagnostics: Diagnostic[];
  /** The settings the plan was checked with: a change is checked with the same. */
  settings: PlanSettings | undefined;
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** The exact bytes of a file as read, to write it back with its byte-order mark and to notice a change made meanwhile. */
export interface FileVersion {
  abs: string;
  /** The path relative to the project root. */
  file: string;
  relative: string;
  /** The text without a byte-order mark, as the parser reads it. */
  text: string;
  bom: boolean;
  bytes: Buffer;
  hash: string;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Reads and parses every file of the plan folder, keeping the texts, and validates the plan as `loadPlan` does (with the same settings). */
export async function readPlanForWrite(planDir: string, root: string, settings?: PlanSettings, options: { cache?: boolean } = {}): Promise<PlanForWrite> {
  const info = await stat(planDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new PlanNotFoundError(planDir);
  const shownDir = toPosix(path.relative(root, planDir)) || ".";
  // A change a killed run left half-applied is finished first, so this change starts from a whole plan.
  const resumed = await resumePlanChange(planDir, shownDir);
  // Every file is read (the change splices into the texts), but only those whose text is new are parsed.
  const read = await readPlan(planDir, root, { keepTexts: true, ...(settings ? { settings } : {}), ...(options.cache ? { disk: openDiskCache(cacheFolderOf(planDir)) } : {}) });
  const readDiagnostics = [...resumed, ...read.diagnostics];
  const files = read.texts.map((planFile, i) => ({ planFile, parsed: read.files[i]! }));
  const { plan, diagnostics } = analysePlan(read.files, readDiagnostics, { planDir: shownDir, settings });
  return { planDir, root, shownDir, settings, files, readDiagnostics, plan, diagnostics };
}

/** Reads a plan file's bytes for an edit; refuses when its text is no longer the text the plan was read from. */
export async function readVersion(snapshot: PlanForWrite, file: string): Promise<FileVersion> {
  const entry = snapshot.files.find((f) => f.planFile.file === file);
  if (!entry) throw new FileChangedError(file);
  const abs = path.resolve(snapshot.root, file);
  const bytes = await readFile(abs);
  const decoded = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  if (text !== entry.planFile.text) throw new FileChangedError(file);
  return { abs, file, relative: entry.planFile.relative, text, bom, bytes, hash: sha256(bytes) };
}

/** The bytes of a file now, read through a file handle just before a write. */
async function currentHash(abs: string): Promise<string | undefined> {
  const handle = await open(abs, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    return sha256(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/**
 * Writes new texts over files read before: each file is read again first, and if any changed since, nothing is written
 * (FileChangedError). Each write is atomic (a temporary file, then a rename); a change of several files goes through
 * the plan folder's journal (`applyPlanChange`), so that even a run killed between two renames leaves all or none.
 */
export async function writeVersions(planDir: string, changes: readonly { version: FileVersion; text: string }[]): Promise<void> {
  for (const { version } of changes) {
    await assertWritableInside(planDir, version.abs, "the plan folder");
    if ((await currentHash(version.abs)) !== version.hash) throw new FileChangedError(version.file);
  }
  if (changes.length > 1) {
    await applyPlanChange(
      planDir,
      changes.map(({ version, text }) => ({ abs: version.abs, before: version.hash, bytes: (version.bom ? "\uFEFF" : "") + text })),
    );
    return;
  }
  const done: FileVersion[] = [];
  try {
    for (const { version, text } of changes) {
      await writeAtomic(version.abs, (version.bom ? "\uFEFF" : "") + text);
      done.push(version);
    }
  } catch (error) {
    for (const version of done) await writeAtomic(version.abs, version.bytes).catch(() => undefined);
    throw error;
  }
}

/** Creates a new plan file inside the plan folder, never replacing one: written to a temporary file, then linked into place. */
export async function createPlanFile(planDir: string, relative: string, shownFile: string, text: string): Promise<void> {
  const root = path.resolve(planDir);
  const abs = path.resolve(root, relative);
  if (relative.includes("\0") || abs === root || !isWithin(root, abs)) throw new Error(`refusing to create a file outside the plan folder: ${relative}`);
  // Checked before the folder is made (which would follow a linked folder) and again after it.
  await assertWritableInside(root, abs, "the plan folder");
  await makeFolder(path.dirname(abs));
  await assertWritableInside(root, abs, "the plan folder");
  // Never replaces a file, even one a concurrent writer creates meanwhile.
  if (!(await createNewFile(abs, text))) throw new FileExistsError(shownFile);
}

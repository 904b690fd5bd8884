/**
 * What `watch` keeps in memory between builds, kept on disk between runs: the analysed plan (records, schedule,
 * diagnostics) of the last build, with the size, time and text hash of each plan file it was built from. After an
 * edit of local fields only (a goal, an ADR's rationale, a session's notes: `LOCAL_FIELDS`), the next run parses the
 * edited files, builds their records, and patches them into this plan instead of reading, building and scheduling the
 * whole plan again; the documents that do not read the edited files stand as they are.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PlanSettings } from "../model/plan-settings.js";
import type { DecisionSection, Plan } from "../model/types.js";
import type { AnalysedPlan } from "../schedule/analyse-plan.js";
import { VERSION } from "../version.js";
import { writeAtomic } from "./atomic-write.js";
import type { InputsSnapshot } from "./build-manifest.js";
import { planChangePending } from "./plan-change.js";
import { makeFolder } from "./make-folder.js";
import { parseCached, readPlanFile, textHash, type ReadOptions } from "./read-plan.js";

/** A plan file as the snapshot's plan was built from it. */
export interface SnapshotFile {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The analysed plan of the last build and what it was built from. */
export interface ModelSnapshot {
  version: string;
  /** The settings it was checked with (`paraplan.config.json`), as JSON: other settings, another snapshot. */
  settings: string;
  /** The templates the build rendered with (the renderer's key): with others, every document's view is rendered anew. */
  templates: string;
  /** When the files were read: a file changed within a tick of it may keep its time (see `RACY_MS`). */
  readAt: number;
  files: SnapshotFile[];
  analysed: AnalysedPlan;
}

/** The plan patched after an edit of local fields: which files changed, and the files as now read. */
export interface PatchedPlan {
  analysed: AnalysedPlan;
  changed: Set<string>;
  files: SnapshotFile[];
  templates: string;
  /** How many files were read again (their size or time differed from the snapshot's), changed or not. */
  reread: number;
}

const NAME = "model.bin";
// The snapshot's SHA-256, written after it: a snapshot cut short, edited, or left half-replaced by a run killed between
// the two writes does not match it, and is a miss. A separate file, so megabytes are never copied to prepend it.
const SUM = "model.sha256";
// Beyond this many edited files, a full build is as quick as comparing records, and simpler to trust.
const MAX_EDITED = 16;
// File times tick coarsely: a file whose time is within this of the read may have changed again unseen.
const RACY_MS = 50;

/** Stores the snapshot beside the build manifest; like the parse cache, a checksum makes a damaged one a miss. */
export async function writeModelSnapshot(cacheDir: string, snapshot: Omit<ModelSnapshot, "version">): Promise<void> {
  const data = serialize({ ...snapshot, analysed: withSharedText(snapshot.analysed), version: VERSION });
  await makeFolder(cacheDir);
  // A lost snapshot costs only a full build: no flush.
  await writeAtomic(path.join(cacheDir, NAME), data, { flush: false });
  await writeAtomic(path.join(cacheDir, SUM), sha256(data), { flush: false });
}

/** The stored snapshot, or undefined when there is none, it is damaged, or another paraplan wrote it. */
export function readModelSnapshot(cacheDir: string): ModelSnapshot | undefined {
  try {
    const data = readFileSync(path.join(cacheDir, NAME));
    if (readFileSync(path.join(cacheDir, SUM), "utf8") !== sha256(data)) return undefined;
    const snapshot = deserialize(data) as ModelSnapshot;
    if (snapshot.version !== VERSION || !Array.isArray(snapshot.files)) return undefined;
    restoreSharedText(snapshot.analysed);
    return snapshot;
  } catch {
    return undefined;
  }
}

/** A section whose body is its field's value (or that value's `text`), stored without the body: see `withSharedText`. */
type StoredSection = DecisionSection & { sameAs?: "value" | "text" };

/** The decision property a section's field (`alternatives_considered`) is read into (`alternativesConsidered`). */
function propertyOf(field: string): string {
  return field.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * The plan with each ADR section that repeats its field's text stored once. A deserialised string is never shared,
 * so the snapshot would otherwise hold most of every ADR twice (10 of its 60 MB at 10,000 records, and as much heap
 * for every command that reads it).
 */
function withSharedText(analysed: AnalysedPlan): AnalysedPlan {
  const decisions = analysed.plan.decisions.map((d) => {
    const values = d as unknown as Record<string, unknown>;
    const sections = d.sections.map((section): StoredSection => {
      const value = section.field === undefined ? undefined : values[propertyOf(section.field)];
      if (value === section.body) return { ...section, body: "", sameAs: "value" };
      if (value && typeof value === "object" && (value as { text?: unknown }).text === section.body) return { ...section, body: "", sameAs: "text" };
      return section;
    });
    return { ...d, sections };
  });
  return { ...analysed, plan: { ...analysed.plan, decisions } };
}

/** Puts back the section bodies `withSharedText` left out, in the freshly deserialised plan. */
function restoreSharedText(analysed: AnalysedPlan): void {
  for (const d of analysed.plan.decisions) {
    const values = d as unknown as Record<string, unknown>;
    for (const section of d.sections as StoredSection[]) {
      if (!section.sameAs || section.field === undefined) continue;
      const value = values[propertyOf(section.field)];
      section.body = section.sameAs === "value" ? (value as string) : (value as { text: string }).text;
      delete section.sameAs;
    }
  }
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The snapshot's record of each plan file: the stats taken before the build, the hashes of the texts it read. */
export function snapshotFiles(stats: readonly { name: string; size: number; mtimeMs: number }[], hashes: ReadonlyMap<string, string>): SnapshotFile[] {
  return stats.flatMap((s) => {
    const hash = hashes.get(s.name);
    return hash ? [{ name: s.name, size: s.size, mtimeMs: s.mtimeMs, hash }] : [];
  });
}

/**
 * The snapshot's plan with the edits since patched in, when every edit lies in local fields of the files' records
 * and changes no diagnostic; undefined when the plan must be read, built and scheduled in full (a file added or
 * removed, another field edited, a file or a diagnostic in it with problems, other settings, a change half-applied).
 */
export async function patchSnapshot(
  snapshot: ModelSnapshot,
  source: { planDir: string; root: string; settings?: PlanSettings | undefined },
  env: ReadOptions,
  inputs: Pick<InputsSnapshot, "planFiles" | "listingProblems">,
): Promise<PatchedPlan | undefined> {
  if (snapshot.settings !== JSON.stringify(source.settings ?? {})) return undefined;
  // A multi-file change half-applied is finished by a full load, which reads the journal.
  if (await planChangePending(source.planDir)) return undefined;
  const { planFiles: listed, listingProblems } = inputs;
  if (listingProblems || listed.length !== snapshot.files.length) return undefined;
  const before = new Map(snapshot.files.map((f) => [f.name, f]));
  const files: SnapshotFile[] = [];
  const edited: { name: string; text: string; relative: string }[] = [];
  let reread = 0;
  for (const entry of listed) {
    const was = before.get(entry.file);
    if (!was) return undefined;
    const settled = snapshot.readAt - was.mtimeMs > RACY_MS;
    if (settled && entry.size === was.size && entry.mtimeMs === was.mtimeMs) {
      files.push(was);
      continue;
    }
    reread++;
    const read = readPlanFile(entry.abs, entry.file, entry.relative);
    if (!read.planFile) return undefined;
    const hash = textHash(read.planFile.text);
    files.push({ name: entry.file, size: entry.size, mtimeMs: entry.mtimeMs, hash });
    if (hash === was.hash) continue;
    edited.push({ name: entry.file, text: read.planFile.text, relative: entry.relative });
    if (edited.length > MAX_EDITED) return undefined;
  }
  const changed = new Set(edited.map((e) => e.name));
  const { plan, schedule, diagnostics, rules } = snapshot.analysed;
  if (changed.size === 0) return { analysed: snapshot.analysed, changed, files, templates: snapshot.templates, reread };
  // A diagnostic in an edited file may move or go with the edit: only a full build places it right.
  if (!rules || diagnostics.some((d) => changed.has(d.file) || d.related?.some((r) => changed.has(r.file)))) return undefined;
  const [{ buildFileRecords, checkRules }, { sameBesidesLocal }] = await Promise.all([import("../model/build-plan.js"), import("../render/local-changes.js")]);
  const patched: Plan = { ...plan };
  for (const file of edited) {
    const parsed = await parseCached({ file: file.name, relative: file.relative, text: file.text }, env, undefined);
    const defaultStatus = source.settings?.defaultDecisionStatus;
    const built = buildFileRecords(parsed, plan.project, defaultStatus ? { defaultDecisionStatus: defaultStatus } : {});
    if (built.diagnostics.length > 0) return undefined;
    for (const kind of Object.keys(plan) as (keyof Plan)[]) {
      const old = kind === "project" ? [plan.project] : (plan[kind] as { source: { file: string } }[]);
      const positions = old.flatMap((r, i) => (r.source.file === file.name ? [i] : []));
      const now = built.records[kind] ?? [];
      if (positions.length !== now.length || positions.some((p, i) => !sameBesidesLocal(kind, old[p]!, now[i]!))) return undefined;
      if (positions.length === 0) continue;
      if (kind === "project") patched.project = now[0] as Plan["project"];
      else {
        const list = [...(patched[kind] as unknown[])];
        positions.forEach((p, i) => (list[p] = now[i]));
        (patched as unknown as Record<string, unknown>)[kind] = list;
      }
    }
  }
  // The rules read some local fields (an ADR's sections, its links): they must find what they found before.
  const found: Diagnostic[] = checkRules(patched, source.settings?.defaultDecisionStatus);
  if (JSON.stringify(found) !== JSON.stringify(rules)) return undefined;
  return { analysed: { plan: patched, schedule, diagnostics, rules }, changed, files, templates: snapshot.templates, reread };
}

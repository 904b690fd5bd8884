/**
 * The one build: every command that reads the plan, renders it, compares it with `out/` or writes it goes through
 * here. A command resolves its folders (a `PlanSource`), calls one of these, and prints what comes back.
 *
 * - `loadProject`: read, validate and schedule the plan (validate, schedule, list, export);
 * - `build(source, { mode: "write" })`: render and write what changed to `out/` (generate, watch);
 * - `build(source, { mode: "compare" })`: render and compare with `out/` (check);
 * - `build(source, { mode: "memory" })`: render in memory, all documents or those `only` accepts;
 * - `renderPrompt`: one workstream's prompt, the plan loaded once (prompt, and the agent-facing tools);
 * - `renderPrompts`: every workstream's prompt of a plan analysed already (another revision's, read from git: diff).
 *
 * This module is light on purpose: a run answered from a fresh `out/` loads no parser, model or renderer; they are
 * imported when a build needs them.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PlanSettings } from "../model/plan-settings.js";
import type { Workstream } from "../model/types.js";
import type { OutputFile } from "../render/render-documents.js";
import { inputsUnchanged, outputsIntact, readManifest, snapshotInputs, viewsOnDisk, writeManifest, type BuildManifest, type InputsSnapshot } from "./build-manifest.js";
import type { BuildMemory } from "./build-outputs.js";
import type { OutputStatus } from "./compare-outputs.js";
import { cacheFolderOf, NO_CACHE, openDiskCache, type DiskCache } from "./disk-cache.js";
import type { LoadedPlan } from "./load-plan.js";
import type { PatchedPlan } from "./model-snapshot.js";
import type { ReadOptions } from "./read-plan.js";
import type { WriteReport } from "./write-outputs.js";
import { toPosix } from "./posix-path.js";
import { createWorkerPool, workersAvailable, type WorkerPool } from "./worker-pool.js";

/** Where a build reads and writes, resolved by the command (a `CommandContext` is one). */
export interface PlanSource {
  /** The project root, the folder holding the plan folder: every path in the model, outputs and cache is relative to it. */
  root: string;
  planDir: string;
  outDir: string;
  templatesDir?: string | undefined;
  /** False with `--no-cache`: nothing is read from or written to the cache folder. */
  cache: boolean;
  /** How the plan is read and checked (`paraplan.config.json`). */
  settings?: PlanSettings | undefined;
}

/** The plan's cache folder. */
function cacheDirOf(source: Pick<PlanSource, "planDir">): string {
  return cacheFolderOf(source.planDir);
}

/** The output folder as the build manifest names it: from the project root. */
function outFolderOf(source: Pick<PlanSource, "root" | "outDir">): string {
  return toPosix(path.relative(source.root, source.outDir));
}

/** What a build is asked to do with what it renders. */
export type BuildRequest =
  /** Write what changed to `out/`; `memory` keeps parsed files and rendered documents between builds (watch). */
  | { mode: "write"; force: boolean; memory?: BuildMemory }
  /** Compare each document with `out/` and list what differs; nothing is written. */
  | { mode: "compare"; allowExtra?: boolean }
  /** Render in memory: every document, or those `only` accepts; `aroundErrors` renders those clear of the plan's errors. */
  | { mode: "memory"; only?: (path: string) => boolean; aroundErrors?: boolean };

/** What a write build did: nothing is written while the plan or a template has errors (then no report). */
export interface WriteOutcome {
  diagnostics: Diagnostic[];
  report?: WriteReport;
  ms: number;
  /** The plan files whose edits were patched into the last build's plan (only local fields changed): nothing else was read. */
  patched?: string[];
}

/** What a compare build found: the documents that differ from `out/`, and files there the plan does not generate. */
export interface CompareOutcome {
  diagnostics: Diagnostic[];
  /** False when the plan or a template has errors: nothing was compared. */
  compared: boolean;
  /** Generated files that are not as the plan renders them (missing, stale, edited, foreign, orphan), by path. */
  differing: OutputStatus[];
  /** Files in `out/` that the plan does not generate and that carry no header of paraplan's. */
  extra: string[];
  /** How many documents the plan renders. */
  documents: number;
}

/** A plan rendered in memory. */
export interface MemoryOutcome extends LoadedPlan {
  /** Empty when the plan (or, around errors, every wanted document) has errors. */
  files: OutputFile[];
}

/** Runs one build of the plan: see `BuildRequest` for the modes. */
export function build(source: PlanSource, request: Extract<BuildRequest, { mode: "write" }>): Promise<WriteOutcome>;
export function build(source: PlanSource, request: Extract<BuildRequest, { mode: "compare" }>): Promise<CompareOutcome>;
export function build(source: PlanSource, request: Extract<BuildRequest, { mode: "memory" }>): Promise<MemoryOutcome>;
export function build(source: PlanSource, request: BuildRequest): Promise<WriteOutcome | CompareOutcome | MemoryOutcome> {
  switch (request.mode) {
    case "write":
      return writeBuild(source, request);
    case "compare":
      return compareBuild(source, request);
    case "memory":
      return withReadEnv(source, undefined, async (env) => {
        const { buildOutputs } = await import("./build-outputs.js");
        return buildOutputs({ ...inputsOf(source), env, ...(request.only ? { only: request.only } : {}), ...(request.aroundErrors ? { aroundErrors: true } : {}) });
      });
  }
}

/** Reads, validates and schedules the plan with the command's caches and workers. */
export async function loadProject(source: PlanSource): Promise<LoadedPlan> {
  return withReadEnv(source, undefined, async (env) => {
    // Loaded on demand: a command answered from a fresh out/ never needs the model or the schedule.
    const patched = await patchFromSnapshot(source, env);
    if (patched) return patched.analysed;
    const { loadPlan } = await import("./load-plan.js");
    return loadPlan(source.planDir, source.root, env);
  });
}

/** One workstream's prompt: from a fresh `out/` when nothing changed since the last build, else rendered with the plan loaded once. */
export type PromptOutcome =
  /** The prompt file in `out/`, byte for byte: nothing was parsed. */
  | { kind: "fresh"; content: string }
  /** Rendered now. `workstream` is missing when no workstream has the id; `content` when the prompt cannot be rendered. */
  | { kind: "rendered"; workstream?: Workstream; content?: string; ids: string[]; diagnostics: Diagnostic[] };

/**
 * Renders the prompt of workstream `id` (exact, else ignoring case). Errors in records the prompt does not read
 * (another ADR, a session) do not stop it: one bad ADR must not stop every agent.
 */
export async function renderPrompt(source: PlanSource, id: string): Promise<PromptOutcome> {
  const fresh = await freshPrompt(source, id);
  if (fresh.content !== undefined) return { kind: "fresh", content: fresh.content };
  return withReadEnv(source, undefined, async (env) => {
    const [{ prepareBuild }, { documentsClearOf }, { renderDocuments }, { promptPath }, { findById }] = await Promise.all([
      import("./build-outputs.js"),
      import("../render/clear-documents.js"),
      import("../render/render-documents.js"),
      import("../model/output-paths.js"),
      import("../model/find-by-id.js"),
    ]);
    const patched = await patchFromSnapshot(source, env, fresh.inputs);
    const prepared = await prepareBuild({ ...inputsOf(source), env, aroundErrors: true, ...(patched ? { loaded: patched.analysed } : {}) });
    const { plan, schedule, renderer } = prepared;
    const ids = plan.workstreams.map((w) => w.id);
    const workstream = findById(plan.workstreams, id);
    if (!workstream || !renderer) return { kind: "rendered", ...(workstream ? { workstream } : {}), ids, diagnostics: prepared.diagnostics };
    const target = promptPath(workstream);
    const clear = hasErrors(prepared.diagnostics) ? documentsClearOf(plan, schedule, prepared.diagnostics) : () => true;
    const rendered = renderDocuments(plan, schedule, renderer, (p) => p === target && clear(p));
    const diagnostics = sortDiagnostics([...prepared.diagnostics, ...rendered.diagnostics]);
    const file = hasErrors(rendered.diagnostics) ? undefined : rendered.files.find((f) => f.path === target);
    return { kind: "rendered", workstream, ...(file ? { content: file.content } : {}), ids, diagnostics };
  });
}

/**
 * Renders the prompts of a plan analysed already (another git revision's, for `diff` and `amend`) with the project's
 * templates: workstream id → prompt text without its header. With plan errors, only the prompts clear of them.
 */
export async function renderPrompts(source: PlanSource, analysed: LoadedPlan): Promise<{ prompts: Map<string, string>; diagnostics: Diagnostic[] }> {
  const [{ loadTemplates }, { createRenderer, TemplateError }, { documentsClearOf }, { renderDocuments }, { promptPath }, { withoutHeader }] = await Promise.all([
    import("./load-templates.js"),
    import("../render/renderer.js"),
    import("../render/clear-documents.js"),
    import("../render/render-documents.js"),
    import("../model/output-paths.js"),
    import("../render/generated-header.js"),
  ]);
  const { plan, schedule } = analysed;
  let renderer;
  try {
    renderer = createRenderer(await loadTemplates(source.templatesDir, source.root));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { prompts: new Map(), diagnostics: [error.diagnostic] };
  }
  const idOf = new Map(plan.workstreams.map((w) => [promptPath(w), w.id]));
  const clear = hasErrors(analysed.diagnostics) ? documentsClearOf(plan, schedule, analysed.diagnostics) : () => true;
  const rendered = renderDocuments(plan, schedule, renderer, (p) => idOf.has(p) && clear(p));
  const prompts = new Map(rendered.files.map((f) => [idOf.get(f.path)!, withoutHeader(f.content)]));
  return { prompts, diagnostics: rendered.diagnostics };
}

/**
 * The prompt file in `out/` when the last build's manifest shows nothing changed since, and the id names exactly one;
 * else the inputs as listed, when they were (a build need not list them again).
 */
async function freshPrompt(source: PlanSource, id: string): Promise<{ content?: string; inputs?: InputsSnapshot }> {
  if (!source.cache) return {};
  const prefix = `prompts/${id.toLowerCase()}`;
  const wanted = (file: string) => {
    const lower = file.toLowerCase();
    return lower === `${prefix}.md` || lower.startsWith(`${prefix}_`);
  };
  const manifest = await readManifest(cacheDirOf(source), outFolderOf(source));
  const matches = manifest?.outputs.filter((o) => wanted(o.path)) ?? [];
  // Two candidates (ids that are prefixes of each other) need the plan to tell them apart.
  const output = matches.length === 1 ? matches[0] : undefined;
  if (!manifest || !output) return {};
  const inputs = await snapshotInputs(source);
  if (!inputsUnchanged(inputs, manifest) || !outputsIntact(source.outDir, [output])) return { inputs };
  return { content: await readFile(path.join(source.outDir, output.path), "utf8") };
}

/** Thrown into the writer when a document failed to render: what was staged is dropped. */
class RenderFailed extends Error {}

/** Renders each document and writes what changed; nothing is written while the plan or a template has errors. */
async function writeBuild(source: PlanSource, request: Extract<BuildRequest, { mode: "write" }>): Promise<WriteOutcome> {
  const started = performance.now();
  const { memory } = request;
  const cacheDir = cacheDirOf(source);
  // Nothing changed since the last build (same inputs, outputs untouched): nothing to parse, render or write. `watch`
  // keeps its builds in memory instead: checking every input and output on disk would cost more than its rebuild.
  const inputs = source.cache && !memory ? await snapshotInputs(source) : undefined;
  const manifest = inputs ? await readManifest(cacheDir, outFolderOf(source)) : undefined;
  if (inputs && manifest && upToDate(source, inputs, manifest)) {
    const report: WriteReport = { written: [], removed: [], unchanged: manifest.outputs.map((o) => o.path), refused: [] };
    return { diagnostics: manifest.diagnostics, report, ms: performance.now() - started };
  }
  // The disk cache is pruned once per process: `watch` prunes on its first build only.
  const first = !memory || memory.rendered.documents.size === 0;
  return withReadEnv(source, memory, async (env, disk) => {
    const [{ prepareBuild }, { renderEach }, { documentPacer, collectIfLarge }, { withOutputLock }, { syncOutputs }, snapshots] = await Promise.all([
      import("./build-outputs.js"),
      import("../render/render-documents.js"),
      import("./collect-garbage.js"),
      import("./output-lock.js"),
      import("./write-outputs.js"),
      import("./model-snapshot.js"),
    ]);
    const readAt = Date.now();
    const hashes = new Map<string, string>();
    if (inputs) env.hashes = hashes;
    // After an edit of local fields only, the last build's plan patched with the edited files: nothing else is read.
    const patched = inputs ? await patchFromSnapshot(source, env, inputs) : undefined;
    const prepared = await prepareBuild({ ...inputsOf(source), env, ...(memory ? { memory } : {}), ...(patched ? { loaded: patched.analysed } : {}) });
    // A patched build used the parse cache for the edited files only: pruning would empty it.
    if (first && prepared.renderer && !patched) await disk.prune();
    const { renderer, plan, schedule } = prepared;
    if (!renderer || hasErrors(prepared.diagnostics)) return { diagnostics: prepared.diagnostics, ms: performance.now() - started };
    // Each document is rendered when the writer asks for it and let go once staged, so the build never holds them all.
    const problems: Diagnostic[] = [];
    const written: { path: string; sources: string[]; view?: string | undefined }[] = [];
    const pace = documentPacer(plan);
    // What the last build wrote, by the view each document was rendered from: a document whose view is the same is
    // not rendered again, nor read back (watch keeps its documents in memory instead).
    const onDisk = inputs ? { views: viewsOnDisk(source.outDir, manifest), ...(patched && renderer.key === patched.templates ? { edited: patched.changed } : {}) } : undefined;
    const documents = function* () {
      for (const r of renderEach(plan, schedule, renderer, undefined, memory?.rendered, onDisk)) {
        // Collecting garbage pays after rendering many documents, not after reusing them (watch).
        if ("file" in r && !r.reused) pace();
        if ("diagnostic" in r) problems.push(r.diagnostic);
        else if (hasErrors(problems)) continue;
        else if ("kept" in r) {
          written.push({ path: r.kept.path, sources: r.kept.sources, view: r.kept.key });
          yield { path: r.kept.path, kept: true as const };
        } else {
          written.push({ path: r.file.path, sources: r.file.sources, view: r.key });
          yield r.file;
        }
      }
      // Nothing staged is moved into place: out/ stays as it was.
      if (hasErrors(problems)) throw new RenderFailed();
    };
    let report: WriteReport | undefined;
    try {
      // Under the output lock, so that another run's writes cannot come between these writes and the manifest that records them.
      report = await withOutputLock(source.outDir, async () => {
        const { report: synced } = await syncOutputs(source.outDir, documents(), { force: request.force, ...(memory ? { known: memory.outputs } : {}) });
        if (inputs && synced.refused.length === 0)
          await writeManifest(
            cacheDir,
            source.root,
            source.outDir,
            inputs,
            written.sort((a, b) => (a.path < b.path ? -1 : 1)),
            sortDiagnostics([...prepared.diagnostics, ...problems]),
          );
        // A snapshot a few edits behind still serves: each later build patches those files again, from the parse cache.
        // Writing it (megabytes) would cost the edit loop more than that.
        const behind = patched ? patched.reread > SNAPSHOT_SLACK || renderer.key !== patched.templates : true;
        if (inputs && synced.refused.length === 0 && renderer.key !== undefined && behind) {
          const { plan, schedule, diagnostics, rules } = prepared;
          // The snapshot of a large plan is tens of megabytes: the rendering's garbage goes first.
          collectIfLarge(plan);
          await snapshots.writeModelSnapshot(cacheDir, {
            settings: JSON.stringify(source.settings ?? {}),
            templates: renderer.key,
            readAt: patched?.readAt ?? readAt,
            files: patched?.files ?? snapshots.snapshotFiles(inputs.stats, hashes),
            analysed: { plan, schedule, diagnostics, ...(rules ? { rules } : {}) },
          });
        }
        return synced;
      });
    } catch (error) {
      if (!(error instanceof RenderFailed)) throw error;
    }
    const diagnostics = sortDiagnostics([...prepared.diagnostics, ...problems]);
    const edited = patched ? { patched: [...patched.changed].sort() } : {};
    return { diagnostics, ...(report && !hasErrors(diagnostics) ? { report } : {}), ms: performance.now() - started, ...edited };
  });
}

/** How many plan files may differ from the model snapshot (in time, or in local fields) before a build writes it anew. */
const SNAPSHOT_SLACK = 4;

/**
 * The last build's plan with the edits since patched in (see `model-snapshot.ts`), when only local fields changed;
 * `inputs` when the caller listed them already. Never with `--no-cache`.
 */
async function patchFromSnapshot(source: PlanSource, env: ReadOptions, inputs?: InputsSnapshot): Promise<(PatchedPlan & { readAt: number }) | undefined> {
  if (!source.cache) return undefined;
  const { readModelSnapshot, patchSnapshot } = await import("./model-snapshot.js");
  const snapshot = readModelSnapshot(cacheDirOf(source));
  if (!snapshot) return undefined;
  const readAt = Date.now();
  const patched = await patchSnapshot(snapshot, source, env, inputs ?? (await snapshotInputs(source)));
  return patched && { ...patched, readAt };
}

/** Whether the last build's inputs and outputs are exactly as they are now. */
function upToDate(source: PlanSource, inputs: InputsSnapshot, manifest: BuildManifest): boolean {
  return inputsUnchanged(inputs, manifest) && outputsIntact(source.outDir, manifest.outputs);
}

// Documents compared at once: the reads overlap the rendering of the next ones.
const COMPARE_CONCURRENCY = 8;

/** Renders each document and compares it with `out/`: only the documents that differ are kept (with both texts, for their diffs). */
async function compareBuild(source: PlanSource, request: Extract<BuildRequest, { mode: "compare" }>): Promise<CompareOutcome> {
  return withReadEnv(source, undefined, async (env) => {
    const [{ prepareBuild }, { renderEach }, { documentPacer }, { forEachConcurrently }, compare, { byPath }] = await Promise.all([
      import("./build-outputs.js"),
      import("../render/render-documents.js"),
      import("./collect-garbage.js"),
      import("./concurrently.js"),
      import("./compare-outputs.js"),
      import("../model/output-paths.js"),
    ]);
    const patched = await patchFromSnapshot(source, env);
    const prepared = await prepareBuild({ ...inputsOf(source), env, ...(patched ? { loaded: patched.analysed } : {}) });
    const { renderer, plan, schedule } = prepared;
    const problems: Diagnostic[] = [];
    const differing: OutputStatus[] = [];
    const seen = new Set<string>();
    if (renderer && !hasErrors(prepared.diagnostics)) {
      const compareFile = compare.fileComparer(source.outDir);
      const pace = documentPacer(plan);
      // A document rendered from the view the last build wrote it from, its file untouched since, is as the plan renders it.
      const views = source.cache ? viewsOnDisk(source.outDir, await readManifest(cacheDirOf(source), outFolderOf(source))) : undefined;
      const onDisk = views && { views, ...(patched && renderer.key === patched.templates ? { edited: patched.changed } : {}) };
      await forEachConcurrently(renderEach(plan, schedule, renderer, undefined, undefined, onDisk), COMPARE_CONCURRENCY, async (r) => {
        if ("kept" in r) {
          seen.add(r.kept.path);
          return;
        }
        pace();
        if ("diagnostic" in r) {
          problems.push(r.diagnostic);
          return;
        }
        seen.add(r.file.path);
        const status = await compareFile(r.file);
        if (status.kind !== "unchanged") differing.push(status);
      });
    }
    const diagnostics = sortDiagnostics([...prepared.diagnostics, ...problems]);
    if (hasErrors(diagnostics)) return { diagnostics, compared: false, differing: [], extra: [], documents: 0 };
    const statuses = [...differing, ...(await compare.unexpectedOutputs(source.outDir, seen))].sort(byPath);
    // Files the plan does not generate and that carry no header of paraplan's: a page added or forged by hand passes
    // for generated output unless it is named.
    const extra = request.allowExtra ? [] : await compare.extraFiles(source.outDir, seen, new Set(statuses.map((s) => s.path)));
    return { diagnostics, compared: true, differing: statuses, extra, documents: seen.size };
  });
}

/** The folders a build reads, as `prepareBuild` takes them. */
function inputsOf(source: PlanSource) {
  return { planDir: source.planDir, templatesDir: source.templatesDir, root: source.root };
}

/** Runs `work` with the source's caches (disk, and `watch`'s memory) and worker threads, releasing the workers afterwards. */
async function withReadEnv<T>(source: PlanSource, memory: BuildMemory | undefined, work: (env: ReadOptions, disk: DiskCache) => Promise<T>): Promise<T> {
  const disk = source.cache ? openDiskCache(cacheDirOf(source)) : NO_CACHE;
  let pool: WorkerPool | undefined;
  // Without a cache nothing is looked up, nor serialised for storing.
  const env: ReadOptions = source.cache ? { disk } : {};
  if (memory) env.memory = memory.parsed;
  if (source.settings) env.settings = source.settings;
  if (workersAvailable()) env.pool = () => (pool ??= createWorkerPool());
  try {
    return await work(env, disk);
  } finally {
    await pool?.close();
  }
}

import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createRenderer, templatesKey, TemplateError, type Renderer } from "../render/renderer.js";
import type { RecordMemo } from "../model/build-plan.js";
import { documentsClearOf } from "../render/clear-documents.js";
import { renderDocuments, renderMemo, type OutputFile, type RenderMemo } from "../render/render-documents.js";
import { loadPlan, type LoadedPlan } from "./load-plan.js";
import type { KnownOutputs } from "./compare-outputs.js";
import type { ParseCache, ReadOptions } from "./read-plan.js";
import { loadTemplates } from "./load-templates.js";

/** What `watch` keeps between builds: parsed files, built records and rendered documents, so an edit redoes only what it changed. */
export interface BuildMemory {
  parsed: ParseCache;
  records: RecordMemo;
  rendered: RenderMemo;
  /** What the last build left in `out/`, so files it wrote and did not change since are not read again. */
  outputs: KnownOutputs;
  /** The templates compiled by the last build, kept while their text is unchanged. */
  renderer?: Renderer;
}

/** An empty memory, for the first build. */
export function buildMemory(): BuildMemory {
  return { parsed: new Map(), records: new WeakMap(), rendered: renderMemo(), outputs: new Map() };
}

/** The result of rendering a plan in memory: nothing is written. */
export interface BuildResult extends LoadedPlan {
  /** Empty when the plan or a template has errors. */
  files: OutputFile[];
}

/** Where a build reads from and what it may reuse. */
export interface PrepareOptions {
  planDir: string;
  templatesDir?: string | undefined;
  /** The project root (the plan folder's parent): file paths in the model and diagnostics are relative to it. */
  root: string;
  env?: ReadOptions;
  /** Render only the documents whose output path this accepts (`prompt` needs one). */
  only?: (path: string) => boolean;
  /** Render, despite errors in the plan, the documents that read none of the records with errors (`prompt`). */
  aroundErrors?: boolean;
  /** The previous build's documents and templates, reused where unchanged (and updated). */
  memory?: Pick<BuildMemory, "records" | "rendered" | "renderer">;
  /** The plan analysed already (patched from the model snapshot): only the templates are loaded. */
  loaded?: LoadedPlan;
}

/** A plan loaded and its templates compiled, ready to render; no renderer when the plan or a template has errors. */
export interface PreparedBuild extends LoadedPlan {
  renderer?: Renderer;
}

/** Loads the plan and compiles the templates (or keeps the compiled ones when their text is unchanged). */
export async function prepareBuild(options: PrepareOptions): Promise<PreparedBuild> {
  const loaded = options.loaded ?? (await loadPlan(options.planDir, options.root, options.env ?? {}, options.memory?.records));
  if (hasErrors(loaded.diagnostics) && !options.aroundErrors) return loaded;
  try {
    const templates = await loadTemplates(options.templatesDir, options.root);
    const kept = options.memory?.renderer;
    const renderer = kept && kept.key === templatesKey(templates) ? kept : createRenderer(templates);
    if (options.memory) options.memory.renderer = renderer;
    return { ...loaded, renderer };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, error.diagnostic]) };
  }
}

/** Loads the plan and renders every document in memory; with plan errors it renders nothing. */
export async function buildOutputs(options: PrepareOptions): Promise<BuildResult> {
  const { renderer, ...loaded } = await prepareBuild(options);
  if (!renderer) return { ...loaded, files: [] };
  if (options.aroundErrors && hasErrors(loaded.diagnostics)) {
    // Only documents clear of the plan's errors, and only when they render without errors of their own.
    const clear = documentsClearOf(loaded.plan, loaded.schedule, loaded.diagnostics);
    const only = options.only;
    const rendered = renderDocuments(loaded.plan, loaded.schedule, renderer, (path) => clear(path) && (only ? only(path) : true));
    const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...rendered.diagnostics]);
    return { ...loaded, diagnostics, files: hasErrors(rendered.diagnostics) ? [] : rendered.files };
  }
  const rendered = renderDocuments(loaded.plan, loaded.schedule, renderer, options.only, options.memory?.rendered);
  const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...rendered.diagnostics]);
  return { ...loaded, diagnostics, files: hasErrors(diagnostics) ? [] : rendered.files };
}

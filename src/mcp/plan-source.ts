/**
 * The one place the server loads and renders the plan. It stands in for the io layer's build API (`loadProject`,
 * `renderDocuments` by path) until that lands: when it does, only this file changes.
 */
import { hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { prepareBuild } from "../io/build-outputs.js";
import { documentsClearOf } from "../render/clear-documents.js";
import { renderDocuments } from "../render/render-documents.js";
import { loadPlan, type LoadedPlan } from "../io/load-plan.js";
import type { ReadEnv } from "../io/read-plan.js";
import type { PlanSettings } from "../model/plan-settings.js";
import { withoutHeader } from "../render/generated-header.js";

/** Where the plan is read from and rendered with: the folders a command context resolves, without its streams. */
export interface PlanSource {
  root: string;
  planDir: string;
  outDir: string;
  templatesDir?: string;
  /** Whether the disk cache may be used; the server reads the plan fresh on every call, so it does not use it. */
  cache: boolean;
  settings?: PlanSettings;
}

/** The read environment of one load: the config's settings, no worker threads (the server answers one call at a time). */
function readEnv(source: PlanSource): ReadEnv {
  return source.settings ? { settings: source.settings } : {};
}

/** Reads, validates and schedules the plan as it is on disk now. */
export function loadProject(source: PlanSource): Promise<LoadedPlan> {
  return loadPlan(source.planDir, source.root, readEnv(source));
}

/** A rendered document's text without the generated-file header, or undefined with the diagnostics that stopped it. */
export interface RenderedDocument extends LoadedPlan {
  text?: string;
}

/**
 * Renders the one document `pick` names once the plan is read (an output path: `prompts/TD2_X.md`, `adr/0002-x.md`),
 * despite errors in records it does not read, as `paraplan prompt` does: one bad ADR must not keep an agent from its
 * instructions. The plan is read once; only that document is rendered.
 */
export async function renderDocument(source: PlanSource, pick: (loaded: LoadedPlan) => string | undefined): Promise<RenderedDocument> {
  const { renderer, ...loaded } = await prepareBuild({ planDir: source.planDir, root: source.root, templatesDir: source.templatesDir, env: readEnv(source), aroundErrors: true });
  const wanted = pick(loaded);
  if (!renderer || wanted === undefined) return loaded;
  const clear = documentsClearOf(loaded.plan, loaded.schedule, loaded.diagnostics);
  if (!clear(wanted)) return loaded;
  const rendered = renderDocuments(loaded.plan, loaded.schedule, renderer, (p) => p === wanted);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...rendered.diagnostics]);
  const file = hasErrors(rendered.diagnostics) ? undefined : rendered.files.find((f) => f.path === wanted);
  return file ? { ...loaded, diagnostics, text: withoutHeader(file.content) } : { ...loaded, diagnostics };
}

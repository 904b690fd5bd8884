import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createRenderer, TemplateError } from "../render/handlebars-env.js";
import { renderDocuments, type OutputFile } from "../render/render-documents.js";
import { loadPlan, type LoadedPlan } from "./load-plan.js";
import type { ReadEnv } from "./read-plan.js";
import { loadTemplates } from "./load-templates.js";

/** The result of rendering a plan in memory: nothing is written. */
export interface BuildResult extends LoadedPlan {
  /** Empty when the plan or a template has errors. */
  files: OutputFile[];
}

/** Loads the plan and renders every document in memory; with plan errors it renders nothing. */
export async function buildOutputs(options: {
  planDir: string;
  templatesDir?: string | undefined;
  cwd: string;
  env?: ReadEnv;
  /** Render only the documents whose output path this accepts (`prompt` needs one). */
  only?: (path: string) => boolean;
}): Promise<BuildResult> {
  const env = options.env ?? {};
  const loaded = await loadPlan(options.planDir, options.cwd, env);
  if (hasErrors(loaded.diagnostics)) return { ...loaded, files: [] };
  let renderer;
  try {
    renderer = createRenderer(await loadTemplates(options.templatesDir, options.cwd));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, error.diagnostic]), files: [] };
  }
  const rendered = renderDocuments(loaded.plan, loaded.schedule, renderer, options.only);
  const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...rendered.diagnostics]);
  return { ...loaded, diagnostics, files: hasErrors(diagnostics) ? [] : rendered.files };
}

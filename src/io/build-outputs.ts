import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createRenderer, TemplateError } from "../render/handlebars-env.js";
import { formatMarkdown } from "../render/format-markdown.js";
import { renderDocuments, type Formatter, type OutputFile } from "../render/render-documents.js";
import { loadPlan, type LoadedPlan } from "./load-plan.js";
import { PARALLEL_FROM, type ReadEnv } from "./read-plan.js";
import type { DiskCache } from "./disk-cache.js";
import type { WorkerPool } from "./worker-pool.js";
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
  const pool = env.pool && countRecords(loaded) >= PARALLEL_FROM ? env.pool() : undefined;
  const rendered = await renderDocuments(loaded.plan, loaded.schedule, renderer, formatterFor(env.disk, pool), options.only);
  const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...rendered.diagnostics]);
  return { ...loaded, diagnostics, files: hasErrors(diagnostics) ? [] : rendered.files };
}

/** Formats through the disk cache (same input, same output) and on worker threads when there are any. */
function formatterFor(disk: DiskCache | undefined, pool: WorkerPool | undefined): Formatter {
  return async (markdown) => {
    const cached = await disk?.get("format", markdown);
    if (cached) return cached.toString("utf8");
    const formatted = pool ? await pool.run<string>({ kind: "format", markdown }) : await formatMarkdown(markdown);
    await disk?.set("format", markdown, formatted);
    return formatted;
  };
}

function countRecords({ plan }: LoadedPlan): number {
  return plan.workstreams.length + plan.decisions.length + plan.sessions.length + plan.risks.length;
}

/**
 * What the server reads, through the io layer's build API (src/io/build.ts): the plan loaded, one prompt, or one
 * document rendered in memory, each without the generated-file header.
 */
import { build, renderPrompt, type PlanSource } from "../io/build.js";
import type { LoadedPlan } from "../io/load-plan.js";
import { withoutHeader } from "../render/generated-header.js";

export { loadProject, type PlanSource } from "../io/build.js";

/** The ADR documents' output paths (`adr/0002-x.md`), the index page included. */
export const isAdr = (path: string) => path.startsWith("adr/");

/** A rendered document's text, or none with the diagnostics that stopped it. */
export interface RenderedDocument {
  text?: string;
  diagnostics: LoadedPlan["diagnostics"];
}

/**
 * Renders one document, despite errors in records it does not read, as `paraplan prompt` does: one bad ADR must not
 * keep an agent from the rest. `only` narrows what is rendered (output paths); `pick` names the document wanted once
 * the plan is known, and may throw when it is not in the plan.
 */
export async function renderDocument(source: PlanSource, only: (path: string) => boolean, pick: (loaded: LoadedPlan) => string | undefined): Promise<RenderedDocument> {
  const result = await build(source, { mode: "memory", only, aroundErrors: true });
  const wanted = pick(result);
  const file = wanted === undefined ? undefined : result.files.find((f) => f.path === wanted);
  return file ? { text: withoutHeader(file.content), diagnostics: result.diagnostics } : { diagnostics: result.diagnostics };
}

/** One workstream's prompt (by exact id), from a fresh `out/` or rendered now; no text when it cannot be rendered. */
export async function promptText(source: PlanSource, id: string): Promise<RenderedDocument> {
  const result = await renderPrompt(source, id);
  if (result.kind === "fresh") return { text: withoutHeader(result.content), diagnostics: [] };
  return result.content !== undefined ? { text: withoutHeader(result.content), diagnostics: result.diagnostics } : { diagnostics: result.diagnostics };
}

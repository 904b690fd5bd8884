import type { Handoff } from "../schedule/handoff.js";
import type { Renderer } from "./renderer.js";
import { handoffView } from "./views/handoff-view.js";
import { wrapMarkdown } from "./wrap-markdown.js";

/** The hand-off document: which template renders it, with which view (docs/templates.md reads this object). */
function handoffJob(handoff: Handoff, changes: { since: string; text: string } | null) {
  return { template: "handoff.md", view: () => handoffView(handoff, changes) };
}

/** Renders the opening prompt of a session taking a workstream over (no generated-file header: it is a message). */
export function renderHandoff(renderer: Renderer, handoff: Handoff, changes: { since: string; text: string } | null): string {
  const job = handoffJob(handoff, changes);
  return wrapMarkdown(
    `${renderer
      .render(job.template, job.view())
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd()}\n`,
  );
}

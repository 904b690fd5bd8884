import type { Amendment } from "../schedule/amendment.js";
import type { Renderer } from "./renderer.js";
import { amendmentView } from "./views/amendment-view.js";
import { wrapMarkdown } from "./wrap-markdown.js";

/** The amendment document: which template renders it, with which view (docs/templates.md reads this object). */
function amendmentJob(amendment: Amendment) {
  return { template: "amendment.md", view: () => amendmentView(amendment) };
}

/** Renders one workstream's amendment as Markdown (no generated-file header: it is a message, not a build output). */
export function renderAmendment(renderer: Renderer, amendment: Amendment): string {
  const job = amendmentJob(amendment);
  const text = renderer.render(job.template, job.view());
  return wrapMarkdown(`${text.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`);
}

import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { loadTemplates } from "../../src/io/load-templates.js";
import { createRenderer, type Renderer } from "../../src/render/renderer.js";
import { renderDocuments, renderMemo } from "../../src/render/render-documents.js";
import { REPO } from "../helpers/run-cli.js";

/** A renderer that counts what it renders, by template. */
function counting(inner: Renderer, key = inner.key ?? ""): Renderer & { rendered: string[] } {
  const rendered: string[] = [];
  return { key, rendered, render: (name, view) => (rendered.push(name), inner.render(name, view)) };
}

describe("the render memo (watch)", () => {
  it("renders a document again only when its view, sources or templates changed, with the same text as without a memo", async () => {
    const loaded = await loadPlan(path.join(REPO, "plan"), REPO);
    const templates = await loadTemplates(undefined, REPO);
    const base = createRenderer(templates);
    const memo = renderMemo();

    const first = counting(base);
    const fresh = renderDocuments(loaded.plan, loaded.schedule, first, undefined, memo);
    expect(first.rendered).toHaveLength(fresh.files.length);

    const again = counting(base);
    const reused = renderDocuments(loaded.plan, loaded.schedule, again, undefined, memo);
    expect(again.rendered).toEqual([]);
    expect(reused.files).toEqual(fresh.files);

    // One workstream renamed: its prompt and the documents that name it change (ADR pages link to the prompts of
    // the workstreams they govern); the rest are reused.
    const ws1 = loaded.plan.workstreams.find((w) => w.id === "WS1")!;
    const renamed = { ...loaded.plan, workstreams: loaded.plan.workstreams.map((w) => (w === ws1 ? { ...w, name: "Vector Search" } : w)) };
    const edited = counting(base);
    const result = renderDocuments(renamed, loaded.schedule, edited, undefined, memo);
    expect(edited.rendered).toContain("prompt.md");
    expect(edited.rendered).toContain("execution-plan.md");
    const citing = loaded.plan.decisions.filter((d) => d.workstreams.some((r) => r.id === "WS1"));
    expect(edited.rendered.filter((name) => name === "adr.md")).toHaveLength(citing.length);
    expect(edited.rendered.length).toBeLessThan(fresh.files.length);
    expect(result.files).toEqual(renderDocuments(renamed, loaded.schedule, base).files);

    // Other templates (another key): everything is rendered again.
    const other = counting(base, "other templates");
    renderDocuments(renamed, loaded.schedule, other, undefined, memo);
    expect(other.rendered).toHaveLength(result.files.length);
  });
});

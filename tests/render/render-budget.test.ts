/**
 * The rendering budget (issue #18 item 10): a template that multiplies itself (partials that each include the next
 * twice, blocks nested over the same list) fails early with a template error, instead of running for half a minute
 * and gigabytes before the document's size is checked.
 */
import { describe, expect, it } from "vitest";
import { createRenderer, TemplateError, type TemplateSource } from "../../src/render/renderer.js";
import { RENDER_BUDGET } from "../../src/render/render-budget.js";

/** Renders `main` with the given partials and view; the error it throws, and the time and heap it took. */
function renderMain(main: string, partials: Record<string, string>, view: object = {}) {
  const templates: TemplateSource[] = [
    { name: "main.md", file: "templates/main.md.hbs", source: main },
    ...Object.entries(partials).map(([name, source]) => ({ name: `partials/${name}`, file: `templates/partials/${name}.hbs`, source })),
  ];
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  let error: unknown;
  let text: string | undefined;
  try {
    text = createRenderer(templates).render("main.md", view);
  } catch (e) {
    error = e;
  }
  return { error, text, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6 };
}

const expectBudgetError = (result: ReturnType<typeof renderMain>) => {
  expect(result.error).toBeInstanceOf(TemplateError);
  const d = (result.error as TemplateError).diagnostic;
  expect([d.code, d.file, d.start.line]).toEqual(["template-error", "templates/main.md.hbs", 1]);
  expect(d.message).toMatch(/^template rendering failed: the document grows without bound/);
  expect(result.ms).toBeLessThan(15_000);
  expect(result.heapMb).toBeLessThan(1_000);
};

describe("rendering budget", () => {
  it("2³⁰ partial expansions fail early with a template error", () => {
    const partials: Record<string, string> = { p30: "x" };
    for (let i = 0; i < 30; i++) partials[`p${i}`] = `{{> p${i + 1}}}{{> p${i + 1}}}`;
    expectBudgetError(renderMain("{{> p0}}\n", partials));
  });

  it("inline partials and blocks nested over one list are metered too", () => {
    const inline = `${Array.from({ length: 30 }, (_, i) => `{{#*inline "q${i}"}}{{> q${i + 1}}}{{> q${i + 1}}}{{/inline}}`).join("")}{{#*inline "q30"}}y{{/inline}}{{> q0}}\n`;
    expectBudgetError(renderMain(inline, {}));
    const list = Array.from({ length: 100 }, (_, i) => i);
    expectBudgetError(renderMain("{{#each list}}{{#each @root.list}}{{#each @root.list}}{{#each @root.list}}z{{/each}}{{/each}}{{/each}}{{/each}}\n", {}, { list }));
  });

  it("renders within the budget, again and again: each document starts with a full budget", () => {
    const partials = { row: "- {{this}}\n" };
    const list = Array.from({ length: RENDER_BUDGET.calls / 4 }, (_, i) => i);
    const renderer = createRenderer([
      { name: "main.md", file: "templates/main.md.hbs", source: "{{#each list}}{{> row}}{{/each}}" },
      { name: "partials/row", file: "templates/partials/row.hbs", source: partials.row },
    ]);
    for (let i = 0; i < 3; i++) expect(renderer.render("main.md", { list })).toContain(`- ${list.length - 1}\n`);
  });
});

import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../src/io/load-templates.js";
import { createRenderer, TemplateError } from "../../src/render/renderer.js";
import { cell, code } from "../../src/render/helpers.js";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

const source = (name: string, text: string) => ({ name, file: `templates/${name}.hbs`, source: text });

describe("the Handlebars environment", () => {
  it("does not HTML-escape: the output is Markdown", () => {
    const r = createRenderer([source("t.md", "{{text}}")]);
    expect(r.render("t.md", { text: `it's "A & B" <c>` })).toBe(`it's "A & B" <c>`);
  });

  it("is strict: a missing field is an error naming the template file, line and column", () => {
    const r = createRenderer([source("t.md", "line one\n{{#each items}}\n- {{nmae}}\n{{/each}}\n")]);
    let caught: unknown;
    try {
      r.render("t.md", { items: [{ name: "x" }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    const d = (caught as TemplateError).diagnostic;
    expect(d).toMatchObject({ code: "template-error", file: "templates/t.md.hbs", start: { line: 3, column: 5 } });
    // #17.19: says "template error", names the template, the undefined name and the nearest one.
    expect(d.message).toBe("template error in t.md: `nmae` is not defined (neither its view model nor the helpers have this name)");
    expect(d.hint).toBe("Did you mean `name`? The view model of each template, with the helpers and partials, is listed in docs/templates.md.");
  });

  it("names the nearest names when none is close, and a missing helper among the helpers", () => {
    const far = createRenderer([source("t.md", "{{zzzzzz}}")]);
    expect(() => far.render("t.md", { owner: "a", title: "b" })).toThrow(TemplateError);
    try {
      far.render("t.md", { owner: "a", title: "b" });
    } catch (error) {
      expect((error as TemplateError).diagnostic.hint).toMatch(/^The nearest names: `owner`, `title`\. /);
    }
    const helper = createRenderer([source("t.md", "{{joni items}}")]);
    try {
      helper.render("t.md", { items: [] });
      expect.unreachable();
    } catch (error) {
      expect((error as TemplateError).diagnostic.message).toBe("template error in t.md: `joni` is not defined (neither its view model nor the helpers have this name)");
      expect((error as TemplateError).diagnostic.hint).toMatch(/^Did you mean `join`\?/);
    }
  });

  it("reports a syntax error at its line", () => {
    const r = createRenderer([source("t.md", "ok\n{{#each items}}\n{{/if}}\n")]);
    expect(() => r.render("t.md", { items: [] })).toThrow(/templates\/t\.md\.hbs:2:\d+ template error in t\.md: it does not compile: each doesn't match if/);
  });

  it("keeps prototype access blocked: such lookups fail as missing fields, and nothing is polluted", () => {
    for (const text of ["{{constructor.constructor}}", "{{a.constructor.name}}", "{{__defineGetter__}}", "{{#with constructor}}{{name}}{{/with}}", "{{lookup this 'constructor'}}"]) {
      const r = createRenderer([source("t.md", text)]);
      const view = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
      let output: string | undefined;
      try {
        output = r.render("t.md", view);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
      }
      expect(output === undefined || output === "", `${text} rendered ${output}`).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("compiles each template once and registers partials", () => {
    const r = createRenderer([source("t.md", "{{> greet}}!"), source("partials/greet", "hi {{name}}")]);
    expect(r.render("t.md", { name: "a" })).toBe("hi a!");
    expect(r.render("t.md", { name: "b" })).toBe("hi b!");
  });
});

describe("helpers", () => {
  it("cell escapes pipes and folds lines; code picks a long enough fence", () => {
    expect(cell("a | b\nc")).toBe("a \\| b c");
    expect(code("x")).toBe("`x`");
    expect(code("a `b` c")).toBe("``a `b` c``");
    expect(code("`x`")).toBe("`` `x` ``");
  });
});

describe("user templates", () => {
  it("override a built-in by file name and fall back to the built-ins for the rest", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-templates-"));
    await writeFile(path.join(dir, "prompt.md.hbs"), "# Custom prompt for {{id}}\n\n{{cd}}\n");
    await mkdir(path.join(dir, "partials"));
    const templates = await loadTemplates(dir, REPO);
    expect(templates.find((t) => t.name === "prompt.md")!.source).toContain("Custom prompt");
    expect(templates.find((t) => t.name === "adr.md")!.file).toBe("templates/adr.md.hbs");

    const { byPath } = await renderPlan(path.join(REPO, "plan"), REPO, dir);
    expect(byPath["prompts/TD2_CONFIG_MANAGEMENT.md"]).toMatch(/-->\n\n# Custom prompt for TD2\n\ncd \.\.\/autoD-config-management\n$/);
    expect(byPath["PARALLEL_EXECUTION_PLAN.md"]).toContain("# autoD: Parallel Execution Plan");
  });

  it("that name a missing field stop the build with a diagnostic at the template's line", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-templates-"));
    await writeFile(path.join(dir, "adr.md.hbs"), "# {{number}}\n\n{{titel}}\n");
    const result = await renderPlan(path.join(REPO, "plan"), REPO, dir);
    expect(result.files).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "template-error", start: { line: 3, column: 3 } });
    expect(errors[0]!.file.endsWith("adr.md.hbs")).toBe(true);
  });
});

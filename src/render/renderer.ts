import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { editDistance, suggest } from "../parse/suggest.js";
import { registerHelpers } from "./helpers.js";
import { RenderBudget, RenderBudgetError } from "./render-budget.js";
import { TemplateError, type TemplateSource } from "./template-source.js";

export { TemplateError, type TemplateSource };

/** Renders named templates with view models; every template is compiled once, on first use. */
export interface Renderer {
  render(name: string, view: object): string;
  /** Identifies the templates: two renderers with the same key render the same view to the same text. */
  key?: string;
}

/** Where Handlebars says an error is: `- 2:4` suffixes, `Parse error on line 2:`, or its lineNumber/column. */
function positionOf(error: unknown): { line: number; column: number } {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  if (typeof e.lineNumber === "number") return { line: e.lineNumber, column: (e.column ?? 0) + 1 };
  const message = e.message ?? "";
  const suffix = / - (\d+):(\d+)$/m.exec(message);
  if (suffix) return { line: Number(suffix[1]), column: Number(suffix[2]) + 1 };
  const parse = /on line (\d+)/.exec(message);
  return { line: parse ? Number(parse[1]) : 1, column: 1 };
}

/** Handlebars' own helpers: blocks and internals, never what a misspelt `{{name}}` meant. */
const BUILT_IN_HELPERS = new Set(["blockHelperMissing", "helperMissing", "each", "if", "unless", "with", "log", "lookup"]);

/** Every field name a view model holds, at any depth (bounded, so a huge plan costs little): the names a template may use. */
function namesIn(view: unknown, limit = 20_000): string[] {
  const names = new Set<string>();
  const queue: unknown[] = [view];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const value = queue.shift();
    visited++;
    if (Array.isArray(value)) queue.push(...(value as unknown[]).slice(0, 50));
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        names.add(key);
        queue.push(inner);
      }
    }
  }
  return [...names].sort();
}

/** What a Handlebars error says, as a person reads it: the name that is not defined and the nearest names there are. */
function explain(message: string, template: TemplateSource, view: object | undefined, helpers: readonly string[]): { message: string; hint: string } {
  const docs = "The view model of each template, with the helpers and partials, is listed in docs/templates.md.";
  const undefinedName = /^"(.+)" not defined in /.exec(message)?.[1];
  const missingHelper = /^Missing helper: "?([^"]+)"?/.exec(message)?.[1];
  const missing = undefinedName ?? missingHelper;
  if (missing === undefined || view === undefined)
    return { message: `template error in ${template.name}: ${message}`, hint: `${docs} A name that is not in the view model is an error (strict mode).` };
  // `{{joni items}}` in strict mode reads as a missing name too: helpers are among the names it may have meant.
  const fields = namesIn(view);
  const guess = suggest(missing, [...new Set([...fields, ...helpers])]);
  const nearest = fields
    .map((name) => ({ name, distance: editDistance(missing.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, 3)
    .map((n) => `\`${n.name}\``);
  return {
    message: `template error in ${template.name}: \`${missing}\` is not defined (neither its view model nor the helpers have this name)`,
    hint: `${guess ? `Did you mean \`${guess}\`? ` : nearest.length > 0 ? `The nearest names: ${nearest.join(", ")}. ` : ""}${docs}`,
  };
}

function templateError(template: TemplateSource, error: unknown, phase: string, view?: object, helpers: readonly string[] = []): TemplateError {
  const { line, column } = positionOf(error);
  const raw = ((error as Error).message ?? String(error)).split("\n")[0]!.replace(/ - \d+:\d+$/, "");
  const at = { file: template.file, start: { line, column }, end: { line, column } };
  const { message, hint } =
    phase === "rendering"
      ? explain(raw, template, view, helpers)
      : {
          message: `template error in ${template.name}: it does not compile: ${raw}`,
          hint: "Check that every {{#block}} is closed and every {{ has its }}; `paraplan templates eject` gives the built-in template to compare.",
        };
  return new TemplateError(diagnostic("error", "template-error", at, message, hint));
}

/** A hash of the templates' names and text: equal keys, equal output for equal views. */
export function templatesKey(templates: readonly TemplateSource[]): string {
  const hash = createHash("sha256");
  for (const t of [...templates].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`${t.name}\0${t.source}\0`);
  return hash.digest("hex");
}

/** Creates paraplan's own Handlebars environment (never the global one): strict, no HTML escaping, helpers and partials once. */
export function createRenderer(templates: readonly TemplateSource[]): Renderer {
  const hb = Handlebars.create();
  registerHelpers(hb);
  // Every partial and block spends from one budget per document, so a template that multiplies itself fails early.
  const budget = new RenderBudget();
  for (const [name, helper] of Object.entries(hb.helpers)) hb.helpers[name] = budget.meteredHelper(helper as (...args: unknown[]) => unknown);
  // Partials, registered or inline, are all invoked through the environment's VM: this environment gets its own.
  const vm = hb.VM as unknown as { invokePartial: (...args: unknown[]) => unknown };
  const invokePartial = vm.invokePartial;
  (hb as unknown as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, ...args: unknown[]) {
      const out = invokePartial.apply(this, args);
      budget.spend(out);
      return out;
    },
  };
  const byName = new Map(templates.map((t) => [t.name, t]));
  const compileOptions = { noEscape: true, strict: true, preventIndent: true } as const;
  for (const t of templates) {
    if (!t.name.startsWith("partials/")) continue;
    try {
      // Parsed here so syntax errors surface with the partial's own file name; compiled from that parse, not parsed twice.
      hb.registerPartial(t.name.slice("partials/".length), hb.compile(hb.parseWithoutProcessing(t.source), compileOptions));
    } catch (error) {
      throw templateError(t, error, "compilation");
    }
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    key: templatesKey(templates),
    render(name, view) {
      const template = byName.get(name);
      if (!template) throw new Error(`no template named ${name}`);
      let fn = compiled.get(name);
      if (!fn) {
        try {
          // compile() defers parsing to the first call; parse now so syntax errors are reported as such (and once: the
          // compiler takes the parsed program and only applies its whitespace rules).
          fn = hb.compile(hb.parseWithoutProcessing(template.source), compileOptions);
          compiled.set(name, fn);
        } catch (error) {
          throw templateError(template, error, "compilation");
        }
      }
      try {
        budget.start();
        return fn(view);
      } catch (error) {
        if (error instanceof RenderBudgetError) {
          const at = { file: template.file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
          throw new TemplateError(
            diagnostic(
              "error",
              "template-error",
              at,
              `template rendering failed: ${error.message}`,
              "A partial that includes itself, or partials that each include the next several times, multiply the output: include each once.",
            ),
          );
        }
        throw templateError(
          template,
          error,
          "rendering",
          view,
          Object.keys(hb.helpers).filter((h) => !BUILT_IN_HELPERS.has(h)),
        );
      }
    },
  };
}

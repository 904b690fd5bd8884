// docs/templates.md, generated from the code: which view model each template receives (the return types of the view
// functions that render-documents.ts, render-amendment.ts and render-handoff.ts give each template, read with the
// TypeScript compiler), the helpers registered in src/render/helpers.ts and the partials in templates/partials/.
// `npm run template-docs` writes it; tests/render/template-docs.test.ts fails when it is not what this produces.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The files that say which template renders with which view: the plan's documents, and `amend`'s amendments.
const JOBS_FILES = ["src/render/render-documents.ts", "src/render/render-amendment.ts", "src/render/render-handoff.ts"];
const HELPERS_FILE = "src/render/helpers.ts";
const MAX_DEPTH = 6;

/** The doc comment of a symbol, on one line. */
function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
}

/** The object type a property holds (the element type of a list), when it has fields of its own to list. */
function objectPart(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [type];
  if (parts.length !== 1) return undefined;
  const only = parts[0]!;
  if (checker.isArrayType(only)) return objectPart(checker.getTypeArguments(only as ts.TypeReference)[0]!, checker);
  if (!(only.flags & ts.TypeFlags.Object) || only.getCallSignatures().length > 0) return undefined;
  const name = checker.typeToString(only);
  // Maps, sets and dates are not walked: templates see them as values.
  if (/^(Map|Set|ReadonlyMap|ReadonlySet|Date)</.test(name) || name === "Date") return undefined;
  return only.getProperties().length > 0 ? only : undefined;
}

/** A type as the reader should see it: an anonymous object is `object`, a list of them `object[]`. */
function typeText(type: ts.Type, checker: ts.TypeChecker): string {
  const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  if (!text.includes("{")) return text;
  const optional = type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined) ? " | undefined" : "";
  const part = type.isUnion() ? type.types.find((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : type;
  return `${part && checker.isArrayType(part) ? "object[]" : "object"}${optional}`;
}

/** The fields of a view model as a nested Markdown list: name, type, doc comment, and the fields of objects inside. */
function fieldList(type: ts.Type, checker: ts.TypeChecker, node: ts.Node, depth: number, seen: readonly ts.Type[]): string[] {
  const lines: string[] = [];
  const indent = "  ".repeat(depth);
  const properties = [...type.getProperties()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const property of properties) {
    const propertyType = checker.getTypeOfSymbolAtLocation(property, node);
    const doc = docOf(property, checker);
    lines.push(`${indent}- \`${property.name}\` (\`${typeText(propertyType, checker)}\`)${doc ? `: ${doc}` : ""}`);
    const inner = objectPart(propertyType, checker);
    if (!inner) continue;
    if (seen.includes(inner) || depth >= MAX_DEPTH) {
      lines.push(`${indent}  - (the same fields as above)`);
      continue;
    }
    lines.push(...fieldList(inner, checker, node, depth + 1, [...seen, inner]));
  }
  return lines;
}

/** Each template and the view function call that gives its view model (`template: "prompt.md", view: () => promptView(…)`). */
function templateJobs(source: ts.SourceFile): { template: string; call: ts.CallExpression }[] {
  const jobs: { template: string; call: ts.CallExpression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
      const template = prop("template");
      const view = prop("view");
      if (template && ts.isStringLiteral(template) && view && ts.isArrowFunction(view) && ts.isCallExpression(view.body)) jobs.push({ template: template.text, call: view.body });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return jobs;
}

/** Each helper registered with `hb.registerHelper("name", …)`, with the doc comment above the call. */
function helpers(source: ts.SourceFile): { name: string; doc: string }[] {
  const found: { name: string; doc: string }[] = [];
  const text = source.getFullText();
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      const [name] = call.arguments;
      if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "registerHelper" && name && ts.isStringLiteral(name)) {
        const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
        const doc = comments
          .map((c) => text.slice(c.pos, c.end))
          .join(" ")
          .replace(/^\/\*\*|\*\/$|^\s*\/\/|^\s*\*/gm, "")
          .replace(/\/\*\*|\*\//g, "")
          .replace(/\s+/g, " ")
          .trim();
        found.push({ name: name.text, doc });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each partial in templates/partials/, with the `{{!-- … --}}` comment it opens with. */
function partials(root: string): { name: string; doc: string }[] {
  const dir = path.join(root, "templates", "partials");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => {
      const comment = /^\{\{!--([\s\S]*?)--\}\}/.exec(readFileSync(path.join(dir, f), "utf8"));
      return { name: f.replace(/\.hbs$/, ""), doc: comment ? comment[1]!.replace(/\s+/g, " ").trim() : "" };
    });
}

/** The text of docs/templates.md for the project at `root`. */
export function templateDocs(root: string): string {
  const program = ts.createProgram([...JOBS_FILES.map((f) => path.join(root, f)), path.join(root, HELPERS_FILE)], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const out: string[] = [
    "# Templates",
    "",
    "<!-- Generated by `npm run template-docs` from the code; do not edit by hand. -->",
    "",
    "paraplan renders each document with a Handlebars template (`templates/*.hbs`), in strict mode and",
    "without HTML escaping. `paraplan templates eject NAME` copies a built-in template into your",
    "template folder, where your copy overrides it by file name. A name a template uses that its view",
    "model does not have is a `template-error` naming the template file, line and column and the",
    "nearest names there are. Below: the view model each template receives (every field, with its",
    "type), the helpers and the partials.",
    "",
  ];
  const seenTemplates = new Set<string>();
  const jobs = JOBS_FILES.flatMap((f) => {
    const source = program.getSourceFile(path.join(root, f))!;
    return templateJobs(source).map((job) => ({ ...job, source }));
  });
  for (const { template, call, source: jobsSource } of jobs.sort((a, b) => (a.template < b.template ? -1 : 1))) {
    if (seenTemplates.has(template)) continue;
    seenTemplates.add(template);
    const signature = checker.getResolvedSignature(call);
    const type = signature ? checker.getReturnTypeOfSignature(signature) : undefined;
    const fn = call.expression.getText(jobsSource);
    const declaration = signature?.getDeclaration();
    const where = declaration ? path.relative(root, declaration.getSourceFile().fileName).split(path.sep).join("/") : "";
    out.push(`## \`${template}.hbs\``, "", `The view model is what \`${fn}\` returns${where ? ` (\`${where}\`)` : ""}.`, "");
    if (type) out.push(...fieldList(type, checker, call, 0, [type]), "");
  }
  out.push("## Helpers", "");
  for (const h of helpers(program.getSourceFile(path.join(root, HELPERS_FILE))!)) out.push(`- \`${h.name}\`${h.doc ? `: ${h.doc}` : ""}`);
  out.push("", "## Partials", "");
  for (const p of partials(root)) out.push(`- \`{{> ${p.name}}}\` (\`templates/partials/${p.name}.hbs\`)${p.doc ? `: ${p.doc}` : ""}`);
  return `${out.join("\n")}\n`;
}

/**
 * docs/diagnostics.md lists every diagnostic code the source can emit, each with an example input, the message and
 * the fix. The codes are found by scanning `src/`, so a code added anywhere fails this test until it is documented.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";

const SRC = path.join(REPO, "src");
const DOC = path.join(REPO, "docs", "diagnostics.md");
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

function sources(): { file: string; text: string }[] {
  return readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file: path.relative(REPO, file), text: readFileSync(file, "utf8") }));
}

/** The text of a call's argument starting at `from`: up to the comma or parenthesis that closes it at depth 0. */
function argumentAt(text: string, from: number): { arg: string; end: number } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return { arg: text.slice(from, i), end: i };
      depth--;
    } else if (c === "," && depth === 0) return { arg: text.slice(from, i), end: i };
  }
  return { arg: text.slice(from), end: text.length };
}

/** The string literals of an expression that look like codes, and its template literals with one placeholder. */
function literals(arg: string): { codes: string[]; templates: { prefix: string; variable: string }[] } {
  const codes = [...arg.matchAll(/["']([a-z][a-z0-9-]*)["']/g)].map((m) => m[1]!).filter((c) => CODE.test(c));
  const templates = [...arg.matchAll(/`([a-z][a-z0-9-]*-)\$\{(\w+)\}`/g)].map((m) => ({ prefix: m[1]!, variable: m[2]! }));
  return { codes, templates };
}

/**
 * Every code the source can emit, with the files that emit it:
 * - the second argument of `diagnostic(severity, code, …)` (literals, both sides of a ternary, and `prefix-${kind}`
 *   templates, expanded with the literals passed as `kind` to the function that declares that parameter);
 * - `code: "…"` in objects built as diagnostics;
 * - the first argument of helpers declared with a first parameter `code` (`refuse("write-unsupported", …)`).
 */
function emittedCodes(): { codes: Map<string, string[]>; unexpanded: string[] } {
  const codes = new Map<string, string[]>();
  const unexpanded: string[] = [];
  const add = (code: string, file: string) => codes.set(code, [...new Set([...(codes.get(code) ?? []), file])]);
  for (const { file, text } of sources()) {
    for (const call of text.matchAll(/\bdiagnostic\(/g)) {
      const severity = argumentAt(text, call.index + call[0].length);
      if (severity.end >= text.length || text[severity.end] !== ",") continue;
      const { codes: found, templates } = literals(argumentAt(text, severity.end + 1).arg);
      for (const code of found) add(code, file);
      for (const { prefix, variable } of templates) {
        const declaring = new RegExp(`function (\\w+)\\(\\s*${variable}\\b`).exec(text);
        const values = declaring ? [...text.matchAll(new RegExp(`\\b${declaring[1]}\\(\\s*"([a-z]+)"`, "g"))].map((m) => m[1]!) : [];
        if (values.length === 0) unexpanded.push(`${file}: \`${prefix}\${${variable}}\``);
        for (const value of values) add(`${prefix}${value}`, file);
      }
    }
    for (const m of text.matchAll(/\bcode:\s*["']([a-z][a-z0-9-]*)["']/g)) if (CODE.test(m[1]!)) add(m[1]!, file);
    for (const helper of text.matchAll(/function (\w+)\(\s*code\s*:/g)) {
      for (const m of text.matchAll(new RegExp(`\\b${helper[1]}\\(\\s*["']([a-z][a-z0-9-]*)["']`, "g"))) if (CODE.test(m[1]!)) add(m[1]!, file);
    }
  }
  return { codes: new Map([...codes].sort(([a], [b]) => (a < b ? -1 : 1))), unexpanded };
}

/** The documented codes: each `### \`code\`` heading with the text of its section. */
function documentedCodes(): Map<string, string> {
  const doc = readFileSync(DOC, "utf8");
  const sections = new Map<string, string>();
  const headings = [...doc.matchAll(/^### `([a-z0-9-]+)`$/gm)];
  headings.forEach((h, i) => sections.set(h[1]!, doc.slice(h.index + h[0].length, headings[i + 1]?.index ?? doc.indexOf("\n## ", h.index) >>> 0)));
  return sections;
}

describe("docs/diagnostics.md", () => {
  const { codes, unexpanded } = emittedCodes();
  const documented = documentedCodes();

  it("the scan finds the codes of every stage (so that it can catch new ones)", () => {
    expect(unexpanded).toEqual([]);
    for (const code of ["not-utf8", "too-deep", "yaml-syntax", "unknown-workstream", "dependency-cycle", "template-error", "symlink-outside-templates"]) expect([...codes.keys()]).toContain(code);
    expect(codes.size).toBeGreaterThan(40);
  });

  it("lists every code the source can emit", () => {
    const missing = [...codes].filter(([code]) => !documented.has(code)).map(([code, files]) => `${code} (emitted in ${files.join(", ")})`);
    expect(missing, "add a `### `code`` section to docs/diagnostics.md for each").toEqual([]);
  });

  it("gives each code an example input, the message and the fix", () => {
    for (const [code, section] of documented) {
      expect(section, code).toMatch(/Example input/);
      expect(section, code).toMatch(new RegExp(`^Message:\\n\\n\`\`\`text\\n[^\\n]* (error|warning|info) ${code} `, "m"));
      expect(section, code).toMatch(/^\*\*Fix:\*\* /m);
      expect(section, code).toMatch(/^\*\*(Error|Warning|Info)\.\*\*/m);
    }
  });

  it("lists no code the source no longer emits", () => {
    expect([...documented.keys()].filter((code) => !codes.has(code))).toEqual([]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { buildPlan } from "../../src/model/build-plan.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile } from "../../src/parse/raw-record.js";
import { expectInside } from "../robustness/helpers/fuzz.js";

// Every kind of path, both collection shapes, and a path that is in no collection.
const PATHS = [
  "project.md",
  "agents/python-pro.md",
  "workstreams/TD2-config.md",
  "waves.md",
  "waves/1-foundation.md",
  "gates.md",
  "gates/tests.md",
  "risks/R1-delay.md",
  "decisions/0001-x.md",
  "sessions/2025-10-16-x.md",
  "notes/readme.md",
] as const;

// Pieces of Markdown, YAML and the key-value syntax, so the generator reaches the interesting code paths.
const TOKENS = [
  "---",
  "---\n",
  "# ",
  "## ",
  "### ",
  "**Status:** ",
  "**Days:** ",
  "* Status: ",
  "- ",
  "1. ",
  "|",
  "| --- |",
  "```",
  "~~~",
  ":",
  ": ",
  "\n",
  "\n\n",
  "\r\n",
  " ",
  "  ",
  "\t",
  "[",
  "]",
  "{",
  "}",
  "-",
  ",",
  "`",
  "*",
  "**",
  "_",
  "&a",
  "*a",
  "?",
  "!",
  "#",
  ">",
  "id: ",
  "depends_on: ",
  "days: ",
  "&a ",
  "*a\n",
  "<<: ",
  "!!str ",
  "? ",
  "TD1",
  "TD2",
  "id",
  "days",
  "depends_on",
  "status",
  "wave",
  "name",
  "2",
  "1-2",
  "2025-10-16",
  "accepted",
  "Goal",
  "Consequences",
  "Positive",
  "Next Priorities",
  "Statistics",
  "Resolution Protocol",
  "\u0000",
  "\uFEFF",
  "é",
  "😀",
  "\\",
];

const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(""));
/** Strings that start with a front-matter block, so the YAML reader sees arbitrary content. */
const withFrontMatter = fc.tuple(markdownish, markdownish).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`);
/** GFM tables with cells of code, escapes, entities and commas, as the collection tables are read cell by cell. */
const CELL = fc.array(fc.constantFrom("TD1", ", ", "`x`", "`", "\\|", "&amp;", "**b**", " ", "é", "1-2", "[l](u)", ""), { maxLength: 5 }).map((parts) => parts.join(""));
const tableish = fc
  .tuple(fc.array(CELL, { minLength: 1, maxLength: 4 }), fc.array(fc.array(CELL, { maxLength: 5 }), { maxLength: 4 }), markdownish)
  .map(([head, rows, after]) => [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n") + `\n\n${after}`);
const anyText = fc.oneof(tableish, fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), markdownish, withFrontMatter);

const SETTINGS = { seed: 20251016, numRuns: 300 } as const;

function expectDiagnosticsInside(diagnostics: readonly Diagnostic[], text: string, file: string): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(["error", "warning", "info"]).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
    expectInside(d, text, file);
    for (const related of d.related ?? []) expectInside(related, text, file);
  }
}

describe("parseRecord on arbitrary text", () => {
  it("never throws, and every position it reports lies inside the text", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...PATHS), (text, relative) => {
        const file = `plan/${relative}`;
        const parsed = parseRecord(text, file, relative);
        expect(parsed.file).toBe(file);
        expect(Array.isArray(parsed.records)).toBe(true);
        expectDiagnosticsInside(parsed.diagnostics, text, file);
        for (const record of parsed.records) {
          expectInside(record.at, text, file);
          for (const field of [...record.fields.values(), ...record.unknown]) {
            expectInside(field.at, text, file);
            expectInside(field.keyAt, text, file);
            for (const item of field.items ?? []) expectInside(item.at, text, file);
          }
        }
      }),
      SETTINGS,
    );
  });

  it("buildPlan never throws on what parseRecord returns, and its positions stay inside the files", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, fc.constantFrom(...PATHS)), { minLength: 1, maxLength: 6 }), (inputs) => {
        const texts = new Map<string, string>();
        const files: ParsedFile[] = [];
        inputs.forEach(([text, relative], i) => {
          // Distinct file names (one of each top-level file), so that each diagnostic is checked against its own text.
          const unique = relative.includes("/") ? relative.replace(/\.md$/, `-${i}.md`) : relative;
          const file = `plan/${unique}`;
          if (texts.has(file)) return;
          texts.set(file, text);
          files.push(parseRecord(text, file, unique));
        });
        const { plan, diagnostics } = buildPlan(files, { planDir: "plan" });
        // A plan without project.md still gets a project (named after nothing), and says so; one with it reads its name.
        const given = files.some((f) => f.kind === "project" && f.records.length > 0);
        expect(diagnostics.some((d) => d.code === "missing-project")).toBe(!given);
        if (!given) expect(plan.project.source.file).toBe("plan/project.md");
        for (const d of diagnostics) {
          const text = texts.get(d.file);
          if (text === undefined) {
            // Only a missing project.md is reported at a file that was not given.
            expect(d.file).toBe("plan/project.md");
            expect(d.code).toBe("missing-project");
            continue;
          }
          expectDiagnosticsInside([{ ...d, related: (d.related ?? []).filter((r) => r.file === d.file) }], text, d.file);
        }
      }),
      { ...SETTINGS, numRuns: 150 },
    );
  });
});

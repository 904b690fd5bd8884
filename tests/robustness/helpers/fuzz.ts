/**
 * Settings and generators shared by the robustness tests. The normal suite runs a fixed seed with modest runs;
 * `npm run fuzz` sets FUZZ_RUNS (and FUZZ_SEED, if wanted) for a long run.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import type { Diagnostic, Location } from "../../../src/diagnostics/diagnostic.js";
import { REPO } from "../../helpers/run-cli.js";

/**
 * Runs per property: `normal`, scaled by FUZZ_RUNS in `npm run fuzz`; in the normal suite `quick` (default `normal`)
 * where a property is slow. With the fixed seed, the quick runs are the first of the normal runs: the same inputs,
 * fewer of them, and `npm run fuzz` still runs at least `normal`.
 */
export function runs(normal: number, quick = normal): number {
  const wanted = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(wanted) && wanted > 0 ? Math.max(normal, Math.round((wanted * normal) / 300)) : quick;
}

/** True under `npm run fuzz`: the long checks (kill timings, large plans) run too. */
export const LONG = Number(process.env.FUZZ_RUNS) > 0;

/** fast-check settings: a fixed seed unless FUZZ_SEED says otherwise, so a failure in CI reproduces; runs as `runs`. */
export function settings(normal: number, quick = normal): { seed: number; numRuns: number; endOnFailure: true } {
  const seed = Number(process.env.FUZZ_SEED);
  return { seed: Number.isInteger(seed) ? seed : 20251016, numRuns: runs(normal, quick), endOnFailure: true };
}

/** The embedded plan (`plan/`), file by file: path inside the plan folder → text. */
export function embeddedPlan(): Map<string, string> {
  const root = path.join(REPO, "plan");
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, abs).split(path.sep).join("/"), readFileSync(abs, "utf8"));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Pieces of Markdown, YAML, the key-value syntax and hostile input, so that random text reaches the interesting paths. */
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
  "> ",
  "    ",
  "|",
  "| --- |",
  "```",
  "~~~",
  ":",
  ": ",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "-",
  ",",
  "`",
  "*",
  "**",
  "_",
  "~~",
  "&a",
  "*a",
  "?",
  "!",
  "#",
  "<",
  ">",
  "id: ",
  "depends_on: ",
  "days: ",
  "number: ",
  "supersedes: ",
  "&a ",
  "*a\n",
  "<<: ",
  "!!str ",
  "!!binary ",
  "? ",
  "__proto__: ",
  "constructor: ",
  "prototype: ",
  "TD1",
  "TD2",
  "WS1",
  "id",
  "days",
  "depends_on",
  "status",
  "wave",
  "name",
  "2",
  "1-2",
  "-1",
  "1e309",
  "NaN",
  "2025-10-16",
  "2025-02-30",
  "accepted",
  "Goal",
  "Consequences",
  "Positive",
  "Next Priorities",
  "Statistics",
  "Resolution Protocol",
  "Merge Procedure",
  "\u0000",
  "\uFEFF",
  "\u202E",
  "\u200B",
  "é",
  "😀",
  "\uD800",
  "\\",
  "../",
  "/etc/passwd",
  "CON",
  "{{constructor.constructor}}",
  "<script>",
  "- - - - - - - - ",
  "> > > > > > ",
  "*a **b ",
  "[[[[",
  "a\n=\n",
  "www.x.y ",
  "[^1]",
  "[^1]: x\n",
  "<!-- ",
  "&#x1F600;",
];

/** Random Markdown-ish text built from the tokens. */
const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(""));

/** Text that starts with a front-matter block of random content. */
export const withFrontMatter = fc.tuple(markdownish, markdownish).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`);

/**
 * An arbitrary made on first use. The first string of `binary` units that a process makes costs fast-check about a
 * second (it maps the whole of Unicode), which every file importing this module paid, though most use none of them.
 */
function lazy<T>(make: () => fc.Arbitrary<T>): () => fc.Arbitrary<T> {
  let made: fc.Arbitrary<T> | undefined;
  return () => (made ??= make());
}

/** Any text worth trying: Markdown-ish, front matter, graphemes, lone surrogates and raw code units. */
export const anyText = lazy(() => fc.oneof(markdownish, withFrontMatter, fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })));

/** One edit to a text: insert a token or random text, delete, duplicate or swap a slice, cut the end. */
export type Mutation = { op: "insert"; at: number; text: string } | { op: "delete" | "duplicate" | "swap"; at: number; length: number } | { op: "truncate"; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), markdownish, fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constantFrom("delete" as const, "duplicate" as const, "swap" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);

/** Applies an edit at a position taken modulo the text's length, so every generated edit applies to every text. */
export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case "swap": {
      const a = text.slice(at, at + m.length);
      const rest = text.slice(at + m.length);
      return text.slice(0, at) + rest.slice(0, m.length) + a + rest.slice(m.length);
    }
    case "truncate":
      return text.slice(0, at);
  }
}

/** Mutates the front matter of a text only (between the first two `---` lines), or the whole text when it has none. */
export function mutateFrontMatter(text: string, m: Mutation): string {
  const end = text.startsWith("---\n") ? text.indexOf("\n---", 4) : -1;
  if (end === -1) return mutate(text, m);
  return `---\n${mutate(text.slice(4, end), m)}${text.slice(end)}`;
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Asserts that a location lies inside `text`: lines, columns and offsets in range, the end not before the start. */
export function expectInside(at: Location, text: string, file: string): void {
  expect(at.file).toBe(file);
  for (const point of [at.start, at.end]) {
    expect(point.line).toBeGreaterThanOrEqual(1);
    expect(point.line).toBeLessThanOrEqual(lineCount(text));
    expect(point.column).toBeGreaterThanOrEqual(1);
    if (point.offset !== undefined) {
      expect(point.offset).toBeGreaterThanOrEqual(0);
      expect(point.offset).toBeLessThanOrEqual(text.length);
    }
  }
  if (at.start.offset !== undefined && at.end.offset !== undefined) expect(at.end.offset).toBeGreaterThanOrEqual(at.start.offset);
}

/** Asserts that each diagnostic is well formed and lies inside the text of its own file (one of `texts`). */
export function expectDiagnosticsInside(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(["error", "warning", "info"]).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
    for (const at of [d, ...(d.related ?? [])]) {
      const text = texts.get(at.file);
      // Only a missing project.md is reported at a file that does not exist.
      if (text === undefined) {
        expect(d.code).toBe("missing-project");
        continue;
      }
      expectInside(at, text, at.file);
    }
  }
}

/** Characters that break code assuming `.` matches everything or that only `\n` ends a line. */
const HOSTILE_CHARS = ["\u2028", "\u2029", "\u0085", "\r", "\uFEFF", "\u0000", "\u000B", "\u000C", "\u00A0", "\uD800", "\uDFFF"];

/** One character from the whole of Unicode (lone surrogates too), often one of the hostile ones. */
export const anyChar = lazy(() => fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })));

/** Text over the whole of Unicode mixed with Markdown structure: hostile characters at the ends of headings, items and lines. */
export const unicodeText = lazy(() =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: anyChar(), maxLength: 8 }) }, fc.constantFrom(...TOKENS)), { maxLength: 40 }).map((parts) => parts.join("")),
);

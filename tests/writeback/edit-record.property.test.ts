import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile, RawRecord } from "../../src/parse/raw-record.js";
import { KINDS } from "../../src/schema/record-kinds.js";
import { currentValue } from "../../src/writeback/current-value.js";
import { plainEndings } from "../../src/writeback/field-value.js";
import { editRecord, type FieldEdit } from "../../src/writeback/edit-record.js";
import { applySplices, lineEnd } from "../../src/writeback/splice.js";
import { anyChar, runs } from "../robustness/helpers/fuzz.js";

// Generated plan files: every field in each place it can be written, in the styles people use (quotes, comments,
// flow and block lists, bold and MADR key-value lines, list markers, blank lines, CRLF), then one random edit.

const word = fc.constantFrom("config", "retry", "vector", "batch", "client", "store", "index", "cache", "api", "merge");
const id = fc.tuple(fc.constantFrom("TD", "WS", "W"), fc.integer({ min: 1, max: 99 })).map(([p, n]) => `${p}${n}`);
const ids = fc.uniqueArray(id, { maxLength: 4 });
const filePath = fc.tuple(fc.constantFrom("src", "tests/unit", "docs"), word).map(([d, w]) => `${d}/${w}.py`);
const paths = fc.uniqueArray(filePath, { maxLength: 3 });
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.map(capital).join(" "));
const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => `${capital(ws.join(" "))}.`);
const paragraphs = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ps) => ps.join("\n\n"));
/** Values that YAML, Markdown or the key-value reader treat specially: an edit either keeps every guarantee or is refused. */
const tricky = fc.constantFrom(
  "a: b",
  "#hash",
  "it's",
  'say "hi"',
  "yes",
  "null",
  "1.0",
  "[x]",
  "{y}",
  "- dash",
  "*star*",
  "`code`",
  "é ü 😀",
  "trailing \\",
  "50%",
  "@at",
  "!bang",
  "a | b",
  "x, y",
  "  padded  ",
  "~",
  "'",
  '"',
  "# Heading",
  "1. one",
);

type Quote = "plain" | "single" | "double";
const quoted = (value: string, quote: Quote) => (quote === "single" ? `'${value.replace(/'/g, "''")}'` : quote === "double" ? JSON.stringify(value) : value);

/** Where and how a workstream's fields are written. */
const workstreamShape = fc.record({
  eol: fc.constantFrom("\n", "\n", "\r\n"),
  comment: fc.boolean(),
  idInFrontMatter: fc.boolean(),
  nameInFrontMatter: fc.boolean(),
  id,
  name,
  quote: fc.constantFrom<Quote>("plain", "single", "double"),
  days: fc.tuple(fc.constantFrom("fm", "kv"), fc.constantFrom("1", "2", "1-2", "0.5")),
  status: fc.tuple(fc.constantFrom("fm", "kv", "absent"), fc.constantFrom("planned", "blocked", "done")),
  priority: fc.tuple(fc.constantFrom("fm", "kv", "absent"), fc.constantFrom("high", "low")),
  agent: fc.tuple(fc.constantFrom("fm", "kv", "absent"), fc.constantFrom("python-pro", "backend-architect")),
  wave: fc.tuple(fc.constantFrom("fm", "kv", "absent"), fc.integer({ min: 1, max: 9 })),
  dependsOn: fc.tuple(fc.constantFrom("flow", "flow-padded", "block", "block4", "kv", "section", "absent"), ids),
  owns: fc.tuple(fc.constantFrom("flow", "block", "section", "absent"), paths),
  kvStyle: fc.constantFrom("bold", "bold-hard-break", "madr"),
  marker: fc.constantFrom("-", "*", "+", "1."),
  goal: fc.option(paragraphs, { nil: undefined }),
  deliverables: fc.option(fc.array(sentence, { maxLength: 3 }), { nil: undefined }),
  trailingComment: fc.boolean(),
});
type WorkstreamShape = typeof workstreamShape extends fc.Arbitrary<infer T> ? T : never;

function listItems(values: readonly string[], marker: string): string[] {
  return values.map((v, i) => (marker === "1." ? `${i + 1}. ${v}` : `${marker} ${v}`));
}

/** The text of a workstream file written in a shape. */
function workstreamText(s: WorkstreamShape): string {
  const fm: string[] = [];
  const kv: [string, string][] = [];
  const sections: string[] = [];
  const q = (v: string) => quoted(v, s.quote);
  if (s.comment) fm.push("# written by hand");
  if (s.idInFrontMatter) fm.push(`id: ${q(s.id)}`);
  if (s.nameInFrontMatter) fm.push(`name: ${q(s.name)}${s.trailingComment ? "  # the title says it too" : ""}`);
  const scalar = (key: string, label: string, [place, value]: [string, string | number]) => {
    if (place === "fm") fm.push(`${key}: ${typeof value === "number" ? value : q(value)}`);
    else if (place === "kv") kv.push([label, String(value)]);
  };
  scalar("days", "Days", s.days);
  if (s.comment) fm.push("");
  scalar("status", "Status", s.status);
  scalar("priority", "Priority", s.priority);
  scalar("agent", "Agent", s.agent);
  scalar("wave", "Wave", s.wave);
  const list = (key: string, heading: string, [place, values]: [string, string[]]) => {
    if (place === "flow") fm.push(`${key}: [${values.join(", ")}]`);
    else if (place === "flow-padded") fm.push(`${key}: [ ${values.join(", ")} ]`);
    else if (place === "block" || place === "block4")
      fm.push(values.length === 0 ? `${key}: []` : `${key}:\n${values.map((v) => `${place === "block" ? "  " : "    "}- ${v}${s.trailingComment ? " # entry" : ""}`).join("\n")}`);
    else if (place === "kv") kv.push([heading, values.join(", ")]);
    else if (place === "section") sections.push(`## ${heading}\n\n${listItems(values, s.marker).join("\n")}`.trimEnd());
  };
  list("depends_on", "Depends On", s.dependsOn);
  list("owns", "Owns", s.owns);
  if (s.goal !== undefined) sections.push(`## Goal\n\n${s.goal}`);
  if (s.deliverables !== undefined) sections.push(`## Deliverables\n\n${listItems(s.deliverables, s.marker).join("\n")}`.trimEnd());
  const kvLines = kv.map(([k, v], i) => (s.kvStyle === "madr" ? `* ${k}: ${v}` : `**${k}:** ${v}${s.kvStyle === "bold-hard-break" && i < kv.length - 1 ? "  " : ""}`));
  const parts = [...(fm.length > 0 ? [`---\n${fm.join("\n")}\n---\n`] : []), `# ${s.id}: ${s.name}`, ...(kvLines.length > 0 ? [kvLines.join("\n")] : []), ...sections];
  return `${parts.join("\n\n")}\n`.replace(/\n/g, s.eol);
}

/** A session log: key-value lines, no front matter. */
const sessionShape = fc.record({
  eol: fc.constantFrom("\n", "\r\n"),
  title: name,
  kvStyle: fc.constantFrom("bold", "bold-hard-break"),
  duration: fc.option(fc.constantFrom("~3 hours", "1 hour", "45 minutes"), { nil: undefined }),
  type: fc.option(name, { nil: undefined }),
  status: fc.option(sentence, { nil: undefined }),
  summary: fc.option(paragraphs, { nil: undefined }),
  decisions: fc.option(fc.array(fc.constantFrom("0001", "0002", "3"), { maxLength: 3 }), { nil: undefined }),
  risks: fc.option(fc.array(fc.constantFrom("R1", "R2", "R3"), { maxLength: 3 }), { nil: undefined }),
  marker: fc.constantFrom("-", "*"),
});
type SessionShape = typeof sessionShape extends fc.Arbitrary<infer T> ? T : never;

function sessionText(s: SessionShape): string {
  const kv = [
    ["Date", "2025-10-16"],
    ["Duration", s.duration],
    ["Session Type", s.type],
    ["Status", s.status],
  ].filter((e): e is [string, string] => e[1] !== undefined);
  const lines = kv.map(([k, v], i) => `**${k}:** ${v}${s.kvStyle === "bold-hard-break" && i < kv.length - 1 ? "  " : ""}`);
  const sections = [
    s.summary !== undefined ? `## Summary\n\n${s.summary}` : "",
    s.decisions !== undefined ? `## Decisions\n\n${listItems(s.decisions, s.marker).join("\n")}`.trimEnd() : "",
    "## Next Priorities\n\n### Priority 1: Launch\n\n**Owner:** PM\n**Status:** Ready",
    s.risks !== undefined ? `## Risks\n\n${listItems(s.risks, s.marker).join("\n")}`.trimEnd() : "",
  ].filter((x) => x !== "");
  return `${[`# Session: ${s.title}`, lines.join("\n"), ...sections].join("\n\n")}\n`.replace(/\n/g, s.eol);
}

/** A waves table: cells plain, code or empty. */
const wavesShape = fc.record({
  rows: fc.array(
    fc.record({
      name,
      branch: fc.option(
        word.map((w) => `integration/${w}`),
        { nil: undefined },
      ),
      code: fc.boolean(),
      workstreams: ids,
      coverage: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  padded: fc.boolean(),
});
type WavesShape = typeof wavesShape extends fc.Arbitrary<infer T> ? T : never;

function wavesText(s: WavesShape): string {
  const cell = (v: string) => (s.padded ? ` ${v.padEnd(12)} ` : v === "" ? "  " : ` ${v} `);
  const row = (cells: string[]) => `|${cells.map(cell).join("|")}|`;
  return [
    "# Waves",
    "",
    row(["Wave", "Name", "Branch", "Workstreams", "Coverage"]),
    row(["---", "---", "---", "---", "---"]),
    ...s.rows.map((r, i) =>
      row([String(i + 1), r.name, r.branch === undefined ? "" : r.code ? `\`${r.branch}\`` : r.branch, r.workstreams.join(", "), r.coverage === undefined ? "" : String(r.coverage)]),
    ),
    "",
    "## Rollback",
    "",
    "Reset the branch.",
    "",
  ].join("\n");
}

const set = (field: string, value: unknown): FieldEdit => ({ op: "set", field, value });
const add = (field: string, item: string): FieldEdit => ({ op: "add", field, item });
/** A whole list set anew: `--replace`. */
const replace = (field: string, value: unknown): FieldEdit => ({ op: "set", field, value, replace: true });

/** Edits whose values are ordinary: each must be made (or found already made). */
const safeWorkstreamEdit = fc.oneof(
  fc.constantFrom("planned", "Active", "blocked", "done", "merged").map((v) => set("status", v)),
  fc.constantFrom("critical", "high", "medium", "low").map((v) => set("priority", v)),
  fc.constantFrom("python-pro", "test-automator").map((v) => set("agent", v)),
  fc.constantFrom("1", "3", "1-3", "2.5").map((v) => set("days", v)),
  fc.integer({ min: 1, max: 12 }).map((v) => set("wave", String(v))),
  fc.integer({ min: 1, max: 12 }).map((v) => set("start", String(v))),
  word.map((w) => set("branch", `workstream/${w}`)),
  id.map((v) => set("id", v)),
  name.map((v) => set("name", v)),
  ids.map((v) => replace("depends_on", v.join(", "))),
  id.map((v) => add("depends_on", v)),
  filePath.map((v) => add("owns", v)),
  paths.map((v) => replace("owns", v)),
  filePath.map((v) => add("touches", v)),
  paragraphs.map((v) => set("goal", v)),
  paragraphs.map((v) => set("notes", v)),
  sentence.map((v) => add("deliverables", v)),
  sentence.map((v) => add("quality_gates", v)),
);
/** Edits with values that YAML, Markdown or the key-value reader treat specially. */
const wildWorkstreamEdit = fc.oneof(
  tricky.map((v) => set("agent", v)),
  tricky.map((v) => set("branch", v)),
  tricky.map((v) => set("name", v)),
  tricky.map((v) => add("depends_on", v)),
  tricky.map((v) => add("owns", v)),
  tricky.map((v) => set("goal", v)),
  tricky.map((v) => add("deliverables", v)),
  tricky.map((v) => set("days", v)),
);
const safeSessionEdit = fc.oneof(
  fc.constantFrom("~2 hours", "1 day").map((v) => set("duration", v)),
  name.map((v) => set("type", v)),
  sentence.map((v) => set("status", v)),
  name.map((v) => set("title", v)),
  fc.constantFrom("2025-10-17", "2026-01-05").map((v) => set("date", v)),
  paragraphs.map((v) => set("summary", v)),
  fc.constantFrom("0004", "5").map((v) => add("decisions", v)),
  fc.constantFrom("R4", "R5").map((v) => add("risks", v)),
);
const safeWaveEdit = fc.oneof(
  name.map((v) => set("name", v)),
  word.map((w) => set("branch", `integration/${w}-2`)),
  fc.integer({ min: 0, max: 100 }).map((v) => set("coverage", String(v))),
  id.map((v) => add("workstreams", v)),
  ids.map((v) => replace("workstreams", v.join(", "))),
);

/** A record's fields and sections without positions, one field left out. */
function content(record: RawRecord, skip: string) {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== "at")
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  return {
    fields: Object.fromEntries([...record.fields].filter(([n]) => n !== skip).map(([n, f]) => [n, { source: f.source, value: strip(f.value) }])),
    unknown: record.unknown.map((f) => [f.name, strip(f.value)]),
    extras: record.extras.map((e) => [e.heading, e.body]),
  };
}

interface Tally {
  changed: number;
  unchanged: number;
  refused: Record<string, number>;
}

/**
 * The guarantees of one edit: either it is refused (or there is nothing to do), or the new text is the old text with
 * its splices applied, the splices lie inside the field's span (a pure insertion for a new field), and parsing the new
 * text gives the same records except the edited field, which reads as intended and stays where it was written.
 */
function checkEdit(text: string, relative: string, index: number, edit: FieldEdit, mustSucceed: boolean, tally: Tally): void {
  const file = `plan/${relative}`;
  const before: ParsedFile = parseRecord(text, file, relative);
  const result = editRecord({ text, file, relative }, index, edit);
  if (result.status === "refused") {
    const code = result.diagnostics[0]!.code;
    tally.refused[code] = (tally.refused[code] ?? 0) + 1;
    if (mustSucceed) expect.fail(`refused ${JSON.stringify(edit)} on\n${text}\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
    return;
  }
  if (result.status === "unchanged") {
    tally.unchanged++;
    return;
  }
  tally.changed++;
  expect(applySplices(text, result.splices)).toBe(result.text);
  const record = before.records[index]!;
  const field = record.fields.get(result.field);
  const heading = record.heading?.at;
  for (const splice of result.splices) {
    // A `# Title` that showed the old value changes with it (and only then: the title still reads as the new value).
    if (heading && field?.source !== "title" && splice.start >= heading.start.offset! && splice.end <= heading.end.offset!) {
      expect(splice.text).toBe(String(result.after));
      continue;
    }
    if (field) {
      const from = Math.min(field.at.start.offset!, field.keyAt.start.offset!);
      expect(splice.start).toBeGreaterThanOrEqual(from);
      expect(splice.end).toBeLessThanOrEqual(Math.max(lineEnd(text, field.at.end.offset!), field.at.end.offset!));
    } else {
      // A new field is only inserted: not one byte of the file is removed or replaced.
      expect(splice.end).toBe(splice.start);
    }
  }
  const after = parseRecord(result.text, file, relative);
  expect(after.records).toHaveLength(before.records.length);
  after.records.forEach((r, i) => expect(content(r, i === index ? result.field : "")).toEqual(content(before.records[i]!, i === index ? result.field : "")));
  const kind = KINDS.find((k) => k.kind === record.kind)!;
  const spec = kind.fields.find((f) => f.name === result.field)!;
  const emptied = after.shape === "table" && !after.records[index]!.fields.has(result.field);
  expect(emptied ? [] : plainEndings(currentValue(result.text, after.records[index]!, kind, spec))).toEqual(plainEndings(result.after));
  if (field && !emptied) expect(after.records[index]!.fields.get(result.field)!.source).toBe(field.source);
  expect(after.diagnostics.filter((d) => d.severity === "error").length).toBeLessThanOrEqual(before.diagnostics.filter((d) => d.severity === "error").length);
}

/**
 * Seeds and runs of each property: modest in the normal suite (half of the base counts, the first half of their
 * inputs), many more under `npm run fuzz` (FUZZ_RUNS).
 */
const RUNS = {
  workstreams: { seed: 20251016, numRuns: runs(200, 100) },
  wild: { seed: 20251017, numRuns: runs(160, 80) },
  sessions: { seed: 20251018, numRuns: runs(120, 60) },
  waves: { seed: 20251019, numRuns: runs(120, 60) },
};

describe("editRecord on generated plan files", () => {
  it("makes every ordinary edit of a workstream, touching only the edited span", () => {
    const tally: Tally = { changed: 0, unchanged: 0, refused: {} };
    fc.assert(
      fc.property(workstreamShape, safeWorkstreamEdit, (shape, edit) => checkEdit(workstreamText(shape), "workstreams/TD2-config.md", 0, edit, true, tally)),
      RUNS.workstreams,
    );
    expect(tally.changed).toBeGreaterThan(RUNS.workstreams.numRuns * 0.8);
  });

  it("either makes an edit with awkward values safely or refuses it", () => {
    const tally: Tally = { changed: 0, unchanged: 0, refused: {} };
    fc.assert(
      fc.property(workstreamShape, wildWorkstreamEdit, (shape, edit) => checkEdit(workstreamText(shape), "workstreams/TD2-config.md", 0, edit, false, tally)),
      RUNS.wild,
    );
    // Most awkward values are written safely (quoted in YAML, as they are in Markdown); the rest are refused, never garbled.
    expect(tally.changed).toBeGreaterThan(RUNS.wild.numRuns * 0.5);
  });

  it("edits the key-value lines and list sections of a session log", () => {
    const tally: Tally = { changed: 0, unchanged: 0, refused: {} };
    fc.assert(
      fc.property(sessionShape, safeSessionEdit, (shape, edit) => checkEdit(sessionText(shape), "sessions/2025-10-16-setup.md", 0, edit, true, tally)),
      RUNS.sessions,
    );
    expect(tally.changed).toBeGreaterThan(RUNS.sessions.numRuns * 0.8);
  });

  it("edits the cells of one row of a collection table, leaving the other rows as they were", () => {
    const tally: Tally = { changed: 0, unchanged: 0, refused: {} };
    fc.assert(
      fc.property(wavesShape, safeWaveEdit, fc.nat(), (shape, edit, n) => checkEdit(wavesText(shape), "waves.md", n % shape.rows.length, edit, true, tally)),
      RUNS.waves,
    );
    expect(tally.changed).toBeGreaterThan(RUNS.waves.numRuns * 0.8);
  });

  it("edits or refuses values and texts over the whole of Unicode (U+2028, U+2029, U+0085, lone CR, U+FEFF, NUL)", () => {
    const tally: Tally = { changed: 0, unchanged: 0, refused: {} };
    const hostile = fc.string({ unit: anyChar(), minLength: 1, maxLength: 6 });
    const value = fc.tuple(word, hostile, word).map(([a, h, b]) => `${a}${h}${b}`);
    const edit = fc.oneof(
      value.map((v) => set("name", v)),
      value.map((v) => set("agent", v)),
      value.map((v) => add("owns", v)),
      value.map((v) => set("goal", v)),
      value.map((v) => add("deliverables", v)),
      fc.constantFrom("planned", "done").map((v) => set("status", v)),
    );
    // The file itself holds such characters too, at the end of its title and inside its goal.
    const text = fc
      .tuple(workstreamShape, hostile, hostile)
      .map(([shape, h1, h2]) => workstreamText({ ...shape, name: `${shape.name}${h1.replace(/[\r\n]/g, "")}`, goal: `${shape.goal ?? "Goal."} ${h2}` }));
    fc.assert(
      fc.property(text, edit, (t, e) => checkEdit(t, "workstreams/TD2-config.md", 0, e, false, tally)),
      { seed: 20251020, numRuns: runs(150) },
    );
    expect(tally.changed).toBeGreaterThan(50);
  });
});

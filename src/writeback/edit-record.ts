import { diagnostic, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import { headOf } from "../model/checked-fields.js";
import { parseRecord, titleToFields } from "../parse/parse-record.js";
import type { FieldSource, ParsedFile, RawField, RawRecord } from "../parse/raw-record.js";
import { suggest } from "../parse/suggest.js";
import { normalizeKey, type FieldSpec } from "../schema/field-spec.js";
import { findField, KINDS, type KindSpec } from "../schema/record-kinds.js";
import { currentValue } from "./current-value.js";
import { checkItem, checkValue, sameValue, valueText } from "./field-value.js";
import { displayName } from "./field-names.js";
import { appendFrontMatterItem, insertFrontMatterKey, removeFrontMatterItem, setFrontMatterValue, type FrontMatterResult } from "./front-matter-edit.js";
import { appendToLine, insertKeyValueLine, setKeyValue } from "./key-value-edit.js";
import { regionsOf } from "./record-regions.js";
import { readBack } from "./read-back.js";
import { appendSection, appendSectionItem, setFirstLine, setSectionBody, setSectionList } from "./section-edit.js";
import { applySplices, lineEnding, type Splice } from "./splice.js";
import { appendToCell, fillEmptyCell, setCell } from "./table-edit.js";
import { setTitlePart } from "./title-edit.js";

/** A plan file to edit: its text, the path shown in messages, and its path inside the plan folder (which gives its kind). */
export interface RecordFile {
  text: string;
  file: string;
  relative: string;
}

/**
 * `set`: replace a field's value (a command-line string is read like a key-value line); a list that has entries is
 * replaced only with `replace`. `add`: append one entry to a list field. `remove`: take one entry out of a list field.
 */
export type FieldEdit = { op: "set"; field: string; value: unknown; replace?: boolean } | { op: "add"; field: string; item: string } | { op: "remove"; field: string; item: string };

/** The outcome of an edit: the new text and the splices that made it, nothing to do, or why it was refused. */
export type EditResult =
  | { status: "changed"; text: string; splices: Splice[]; field: string; source: FieldSource | "new"; before: unknown; after: unknown }
  | { status: "unchanged"; field: string; value: unknown }
  | { status: "refused"; diagnostics: Diagnostic[] };

/** Field types that are whole structures (tables, key-value blocks, `###` blocks): edited by hand, not by command. */
const STRUCTURED = new Set(["table", "kv", "subsections"]);
/** Field types that hold a list of entries: `add` and `remove` change them one entry at a time. */
const LISTS = new Set(["list", "items"]);
/** Field types written as a `##` section when a record does not have them yet. */
const MARKDOWN = new Set(["text", "items", "text-or-items", "consequences"]);

/**
 * Changes one field of one record by splicing the new value into the file at the positions the parser recorded; every
 * other byte stays, but for a `# Title` that showed the old value. The value is checked against the field's type first, and the new text is parsed again to make sure
 * the field reads as intended and nothing else reads differently. `force` rewrites a value even when it is unchanged.
 */
export function editRecord(file: RecordFile, index: number, edit: FieldEdit, options: { force?: boolean } = {}): EditResult {
  const parsed = parseRecord(file.text, file.file, file.relative);
  const record = parsed.records[index];
  const kind = record && KINDS.find((k) => k.kind === record.kind);
  if (!record || !kind) return refuse("write-unsupported", { file: file.file, ...FILE_START }, "the record to edit is not in the file", "Run `paraplan validate` to see how the file reads.");
  const spec = findField(kind, normalizeKey(edit.field));
  if (!spec) {
    const guess = suggest(
      normalizeKey(edit.field),
      kind.fields.map((f) => f.name),
    );
    return refuse(
      "write-unknown-field",
      headOf(record),
      `a ${kind.kind} has no field \`${edit.field}\``,
      guess ? `Did you mean \`${guess}\`?` : `Fields: ${kind.fields.map((f) => f.name).join(", ")}.`,
    );
  }
  const raw = record.fields.get(spec.name);
  const at = raw?.at ?? headOf(record);
  const before = raw ? currentValue(file.text, record, kind, spec) : undefined;
  if (STRUCTURED.has(spec.type))
    return refuse(
      "write-unsupported",
      at,
      `\`${spec.name}\` is ${spec.type === "table" ? "a table" : spec.type === "kv" ? "a block of key-value lines" : "a list of `###` subsections"} and is edited by hand`,
      `Open ${file.file} and edit the section.`,
    );

  const wanted = intendedValue(kind, spec, edit, raw !== undefined, before, at, options.force ?? false);
  if ("status" in wanted) return wanted;
  const { intended, item, removed } = wanted;
  if (raw && sameValue(before, intended) && !options.force) return { status: "unchanged", field: spec.name, value: before };
  // Setting a list that has entries would drop them all: said explicitly (`--replace`), or done one entry at a time.
  if (edit.op === "set" && !edit.replace && LISTS.has(spec.type) && Array.isArray(before) && before.length > 0 && !sameValue(before, intended)) {
    return refuse(
      "write-needs-replace",
      at,
      `\`${spec.name}\` has ${before.length} ${before.length === 1 ? "entry" : "entries"}; setting it would replace ${before.length === 1 ? "it" : "them all"}`,
      `Use \`paraplan add\` or \`paraplan remove\` to change one entry, or pass --replace to replace the whole list.`,
    );
  }
  if (!raw && parsed.shape === "table" && valueText(intended) === "") return { status: "unchanged", field: spec.name, value: intended };
  if (parsed.shape === "table" && raw && raw.source !== "table") {
    return refuse("write-shared-field", at, `\`${spec.name}\` is written once for every row of ${file.file}`, "Edit it by hand: a change applies to every record of the table.");
  }

  const eol = lineEnding(file.text);
  const placed = raw ? editInPlace(file.text, record, kind, spec, raw, { intended, item, removed }, before, eol) : placeAbsent(file.text, parsed, record, kind, spec, intended, eol);
  if ("problem" in placed) return refuse(placed.code, at, placed.problem, placed.hint);
  const splices = raw?.source === "title" ? placed.splices : [...placed.splices, ...staleTitle(file.text, record, kind, spec, before, intended)];
  const text = applySplices(file.text, splices);
  const problem = readBack(parsed, parseRecord(text, file.file, file.relative), text, index, kind, spec, intended, raw?.source);
  if (problem) {
    return refuse("write-read-back", at, `the change was not made: ${problem}`, "Edit the file by hand, or write the value differently (quotes, no Markdown markup).");
  }
  return { status: "changed", text, splices, field: spec.name, source: raw?.source ?? "new", before, after: intended };
}

/**
 * A `# Title` that shows the field's old value (`# WS1: Vector Store` under `name: Vector Store` in the front matter)
 * is changed with it, so the file does not say two things; a title that shows something else is left as written.
 */
function staleTitle(text: string, record: RawRecord, kind: KindSpec, spec: FieldSpec, before: unknown, intended: unknown): Splice[] {
  if (!record.heading || before === undefined) return [];
  const shown = titleToFields(record.heading.text, kind, record.heading.at).find((f) => f.name === spec.name || findField(kind, f.name)?.name === spec.name);
  if (!shown || valueText(shown.value) !== valueText(before)) return [];
  return setTitlePart(text, shown, valueText(intended)) ?? [];
}

/**
 * The value a field is to read as after the edit (for `add`, the list with the entry appended; for `remove`, without
 * it), checked; or the outcome when that settles it.
 */
function intendedValue(
  kind: KindSpec,
  spec: FieldSpec,
  edit: FieldEdit,
  present: boolean,
  before: unknown,
  at: Location,
  force: boolean,
): { intended: unknown; item?: string; removed?: number } | EditResult {
  if (edit.op === "set") {
    const checked = checkValue(kind, spec, edit.value, at);
    return "diagnostics" in checked ? { status: "refused", diagnostics: checked.diagnostics } : { intended: checked.value };
  }
  const verb = edit.op === "add" ? "added to" : "removed from";
  if (!LISTS.has(spec.type)) return refuse("write-not-a-list", at, `\`${spec.name}\` is not a list; entries can only be ${verb} lists`, `Use \`paraplan set\` to change \`${spec.name}\`.`);
  const checked = checkItem(spec, edit.item, at);
  if ("diagnostics" in checked) return { status: "refused", diagnostics: checked.diagnostics };
  if (present && !Array.isArray(before)) return refuse("write-invalid-value", at, `\`${spec.name}\` does not read as a list now`, `Fix it first (\`paraplan validate\` says how), then change it.`);
  const current = (before as unknown[] | undefined) ?? [];
  if (edit.op === "remove") {
    const index = current.findIndex((entry) => sameValue(entry, checked.value));
    if (index === -1) {
      const entries = current.map((entry) => `\`${valueText(entry)}\``).join(", ");
      return refuse("write-no-such-entry", at, `\`${spec.name}\` has no entry \`${checked.value}\``, current.length > 0 ? `Its entries: ${entries}.` : `\`${spec.name}\` has no entries.`);
    }
    return { intended: current.filter((_, i) => i !== index), removed: index };
  }
  if (spec.type === "list" && current.includes(checked.value) && !force) return { status: "unchanged", field: spec.name, value: before };
  return { intended: [...current, checked.value], item: checked.value };
}

type Placed = { splices: Splice[] } | { problem: string; code: string; hint: string };

const cannot = (problem: string): Placed => ({ problem, code: "write-unsupported", hint: "Edit the file by hand." });

/** The value as one line: lists comma-separated. */
function lineValue(spec: FieldSpec, value: unknown): string | undefined {
  if (spec.type === "items" && Array.isArray(value) && value.length !== 1) return undefined;
  const text = valueText(value);
  return text.includes("\n") ? undefined : text;
}

/** A value as the Markdown of a section body: list fields as `- ` items, text as written. */
function markdownOf(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `- ${String(v as string).replace(/\n/g, "\n  ")}`).join("\n");
  return valueText(value);
}

function fromFrontMatter(result: FrontMatterResult): Placed {
  return "unsupported" in result ? cannot(result.unsupported) : result;
}

/** The new value of a field, with the entry appended (`add`) or the index of the entry taken out (`remove`). */
interface Change {
  intended: unknown;
  item?: string | undefined;
  removed?: number | undefined;
}

/** Splices the new value where the field is written now, in the same form. */
function editInPlace(text: string, record: RawRecord, kind: KindSpec, spec: FieldSpec, raw: RawField, change: Change, before: unknown, eol: string): Placed {
  const { intended, item, removed } = change;
  switch (raw.source) {
    case "front-matter": {
      const fm = regionsOf(text).frontMatter;
      if (!fm) return cannot("the front matter was not found");
      if (removed !== undefined) return fromFrontMatter(removeFrontMatterItem(text, fm, raw.key, spec, removed, intended as unknown[], eol));
      if (item !== undefined) return fromFrontMatter(appendFrontMatterItem(text, fm, raw.key, spec, item, Array.isArray(before) ? before : [], eol));
      return fromFrontMatter(setFrontMatterValue(text, fm, raw.key, spec, intended, eol));
    }
    case "key-value":
    case "table": {
      if (item !== undefined && spec.type === "list") return { splices: raw.source === "table" ? appendToCell(text, raw, item) : appendToLine(text, raw, item) };
      const line = lineValue(spec, intended);
      if (line === undefined) return cannot(`\`${spec.name}\` is written on one line (${raw.source === "table" ? "a table cell" : "a key-value line"}) and the new value is not one line`);
      return { splices: raw.source === "table" ? setCell(text, raw, line) : setKeyValue(text, raw, line) };
    }
    case "section": {
      if (spec.type === "list" || spec.type === "items") {
        if (item !== undefined) return { splices: appendSectionItem(text, raw, item, spec.type === "list", eol) };
        return {
          splices: setSectionList(
            text,
            raw,
            (intended as unknown[]).map((v) => String(v as string)),
            spec.type === "list",
            eol,
          ),
        };
      }
      if (typeof intended !== "string" && typeof intended !== "number") return cannot(`\`${spec.name}\` is written as a section and cannot be set to a list`);
      if (spec.type === "lines") return typeof intended === "string" && !intended.includes("\n") ? { splices: setFirstLine(text, raw, intended, eol) } : cannot(`\`${spec.name}\` takes one line`);
      return { splices: setSectionBody(text, raw, String(intended), eol) };
    }
    case "title": {
      const splices = setTitlePart(text, raw, valueText(intended));
      return splices ? { splices } : cannot(`the title does not hold \`${valueText(before)}\` as plain text`);
    }
    default:
      return cannot(`\`${spec.name}\` of ${record.file} is not written in the file (${kind.kind} default)`);
  }
}

/** Adds a field the record does not have yet, where the record's style puts such fields. */
function placeAbsent(text: string, parsed: ParsedFile, record: RawRecord, kind: KindSpec, spec: FieldSpec, intended: unknown, eol: string): Placed {
  if (parsed.shape === "table") {
    const line = lineValue(spec, intended);
    const splices = line === undefined ? undefined : fillEmptyCell(text, record, kind, spec.name, line);
    return splices
      ? { splices }
      : { problem: `the table in ${parsed.file} has no \`${displayName(spec.name)}\` column for this row`, code: "write-no-place", hint: "Add the column to the table by hand, then set the value." };
  }
  if (MARKDOWN.has(spec.type)) return { splices: appendSection(text, displayName(spec.name), markdownOf(intended), eol) };
  const layout = regionsOf(text);
  if (layout.frontMatter) return fromFrontMatter(insertFrontMatterKey(layout.frontMatter, spec.name, spec, intended, eol));
  const line = lineValue(spec, intended);
  if (line === undefined) return cannot(`\`${spec.name}\` would be a key-value line and the new value is not one line`);
  return { splices: insertKeyValueLine(text, record, displayName(spec.name), line, layout.firstSection, layout.title, eol) };
}

function refuse(code: string, at: Location, message: string, hint: string): EditResult {
  return { status: "refused", diagnostics: [diagnostic("error", code, at, message, hint)] };
}

import type { Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { diagnostic, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import { normalizeKey, type FieldSpec } from "../schema/field-spec.js";
import { findField, kindForPath, type KindSpec } from "../schema/record-kinds.js";
import { readFrontMatter } from "./front-matter.js";
import { checkTextLimits, checkTreeDepth, isStackOverflow, tooDeepAt } from "./limits.js";
import { plainKeyValueParagraph, type KeyValueLine } from "./key-value.js";
import { parseMarkdown } from "./processor.js";
import type { ExtraSection, FieldSource, ParsedFile, RawField, RawItem, RawRecord, RichSection } from "./raw-record.js";
import { firstTable, keyValueLines, listItems, nodesMarkdown, readSubsections, sectionLines, splitSections, type Section } from "./sections.js";
import { sourceText, type SourceText } from "./source-text.js";
import { readTable, type Row } from "./table.js";
import { isScheduleField } from "./schedule-fields.js";
import { suggest } from "./suggest.js";

/**
 * Parses one plan file into records with the source position of every field and value.
 * `relative` is the path inside the plan folder (`workstreams/TD2-x.md`), which decides the record kind.
 */
export function parseRecord(text: string, file: string, relative: string = file): ParsedFile {
  const whole: Location = { file, ...FILE_START };
  const kind = kindForPath(relative);
  if (!kind) {
    return {
      file,
      records: [],
      diagnostics: [
        diagnostic(
          "warning",
          "unknown-collection",
          whole,
          `\`${relative}\` is not part of any record collection`,
          "Move it into one of: project.md, agents/, workstreams/, waves, gates, risks/, decisions/, sessions/ (or remove it).",
        ),
      ],
    };
  }
  if (text.includes("\u0000")) {
    return {
      file,
      kind: kind.spec.kind,
      shape: kind.shape,
      records: [],
      diagnostics: [diagnostic("error", "binary-file", whole, "file contains NUL bytes and is not a Markdown text file", "Remove the file from the plan folder or replace it with Markdown text.")],
    };
  }
  if (text.trim() === "") {
    return { file, kind: kind.spec.kind, shape: kind.shape, records: [], diagnostics: [diagnostic("error", "empty-file", whole, "file is empty", "Write the record, or delete the file.")] };
  }
  // Text beyond the limits is reported, not parsed: the parser could take minutes or overflow the stack on it.
  const refused = (problem: Diagnostic): ParsedFile => ({ file, kind: kind.spec.kind, shape: kind.shape, records: [], diagnostics: [problem] });
  const beyond = checkTextLimits(text, file);
  if (beyond) return refused(beyond);
  const src = sourceText(file, text);
  let tree: ReturnType<typeof parseMarkdown>;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return refused(tooDeepAt(file, "the Markdown"));
  }
  const deep = checkTreeDepth(tree, src);
  if (deep) return refused(deep);
  const diagnostics: Diagnostic[] = [];
  const stem = (relative.split("/").pop() ?? relative).replace(/\.md$/i, "");
  const builder = recordBuilder(kind.spec, src, diagnostics);

  let body = tree.children;
  const frontMatter: RawField[] = [];
  const first = body[0];
  let frontMatterUnread = false;
  if (first?.type === "yaml") {
    body = body.slice(1);
    const fm = readFrontMatter(first, src);
    diagnostics.push(...fm.diagnostics);
    frontMatterUnread = fm.diagnostics.some((d) => d.severity === "error");
    for (const e of fm.entries) {
      const field: RawField = { name: normalizeKey(e.key), key: e.key, source: "front-matter", value: e.value, at: e.at, keyAt: e.keyAt };
      if (e.items) field.items = e.items;
      frontMatter.push(field);
    }
  }
  const { preamble, sections } = splitSections({ type: "root", children: body }, src);

  if (kind.shape === "table") {
    const tableHome = firstTable(preamble) ? undefined : sections.find((s) => firstTable(s.nodes));
    const table = firstTable(tableHome ? tableHome.nodes : preamble);
    const head = readPreamble(
      preamble.filter((n) => n !== table),
      kind.spec,
      src,
    );
    if (!table) {
      diagnostics.push(
        diagnostic(
          "error",
          "missing-table",
          src.span(0, 0),
          `\`${relative}\` holds the ${kind.spec.collection} collection but has no table`,
          `Add a table with one row per record, or use a \`${kind.spec.collection}/\` folder with one file per record.`,
        ),
      );
      return { file, kind: kind.spec.kind, shape: kind.shape, records: [], diagnostics };
    }
    const { rows, diagnostics: tableDiagnostics } = readTable(table, src);
    diagnostics.push(...tableDiagnostics);
    // Sections other than the table's own apply to every row: shared Merge Procedure, Rollback, ...
    const shared = sections.filter((s) => s !== tableHome);
    const records = rows.map((row, index) => {
      const record = builder.start(row.at, stem);
      for (const f of frontMatter) builder.add(record, f);
      for (const f of head.fields) builder.add(record, f);
      for (const f of rowFields(row)) builder.add(record, f);
      for (const s of shared) builder.section(record, s);
      // The collection's introduction belongs to the collection: kept once, on its first record.
      if (index === 0) record.extras.unshift(...head.extras);
      if (frontMatterUnread) record.frontMatterUnread = true;
      return builder.finish(record);
    });
    return { file, kind: kind.spec.kind, shape: kind.shape, records, diagnostics };
  }

  const head = readPreamble(preamble, kind.spec, src);
  const record = builder.start(src.span(0, text.length), stem);
  for (const f of frontMatter) builder.add(record, f);
  for (const f of head.fields) builder.add(record, f);
  for (const s of sections) builder.section(record, s);
  for (const f of head.titleFields) builder.addWeak(record, f);
  if (head.heading) record.heading = head.heading;
  record.extras.unshift(...head.extras);
  if (frontMatterUnread) record.frontMatterUnread = true;
  return { file, kind: kind.spec.kind, shape: kind.shape, records: [builder.finish(record)], diagnostics };
}

/** Fields of one table row, one per non-empty cell. */
function rowFields(row: Row): RawField[] {
  const fields: RawField[] = [];
  for (const [name, cell] of row.cells) {
    if (cell.value === "") continue;
    const field: RawField = { name, key: cell.header, source: "table", value: cell.value, at: cell.at, keyAt: cell.headerAt };
    if (cell.items) field.items = cell.items;
    fields.push(field);
  }
  return fields;
}

/** What comes before the first `##`: the title, key-value lines, and any other text (kept as an extra). */
function readPreamble(nodes: RootContent[], spec: KindSpec, src: SourceText) {
  const fields: RawField[] = [];
  const titleFields: RawField[] = [];
  const rest: RootContent[] = [];
  let heading: { text: string; at: Location } | undefined;
  const kvNodes: RootContent[] = [];
  for (const node of nodes) {
    if (!heading && node.type === "heading" && node.depth === 1) {
      heading = { text: headingMarkdown(node, src), at: src.nodeSpan(node) };
      titleFields.push(...titleToFields(toString(node).trim(), spec, src.nodeSpan(node)));
    } else if (node.type === "paragraph" || node.type === "list") {
      kvNodes.push(node);
    } else if (node.type !== "thematicBreak") {
      rest.push(node);
    }
  }
  const { lines, other: notKeyValue } = keyValueLines(kvNodes, src);
  const other = spec.plainKeyValues ? plainLines(notKeyValue, spec, src, lines) : notKeyValue;
  for (const line of lines) {
    fields.push({ name: normalizeKey(line.key), key: line.key, source: "key-value", value: line.value, at: line.at, keyAt: line.keyAt });
  }
  // Text before the first section that is neither title nor field is kept verbatim, piece by piece.
  const kept = [...other, ...rest].sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
  const extras: ExtraSection[] =
    kept.length > 0 ? [{ heading: "", body: kept.map((n) => src.slice(n)).join("\n\n"), at: src.span(kept[0]!.position?.start.offset ?? 0, kept.at(-1)!.position?.end.offset ?? 0) }] : [];
  return { fields, titleFields, extras, heading };
}

/** Adds plain `Key: value` paragraphs whose keys are the kind's fields (`Date: 2016-02-12`) to `lines`; returns the other nodes. */
function plainLines(nodes: RootContent[], spec: KindSpec, src: SourceText, lines: KeyValueLine[]): RootContent[] {
  const known = (key: string) => findField(spec, normalizeKey(key)) !== undefined;
  return nodes.filter((node) => {
    const found = node.type === "paragraph" ? plainKeyValueParagraph(node, src, known) : undefined;
    if (found) lines.push(...found);
    return !found;
  });
}

/** A heading's text as written, inline Markdown kept (`Use \`--input\` Flag`). */
function headingMarkdown(node: Heading, src: SourceText): string {
  const first = node.children[0];
  const last = node.children.at(-1);
  if (!first || !last) return "";
  return src.text.slice(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0).trim();
}

/** The fields a `# Title` gives for a kind: `TD2: Name` → id and name, `3. Title` → number and title. */
export function titleToFields(title: string, spec: KindSpec, at: Location): RawField[] {
  const field = (name: string, value: unknown): RawField => ({ name, key: "title", source: "title", value, at, keyAt: at });
  const nameField = spec.fields.some((f) => f.name === "title") ? "title" : "name";
  if (spec.title === "id-name") {
    const m = /^([A-Za-z][\w.-]*)\s*[:—–-]\s+(.+)$/s.exec(title);
    return m ? [field("id", m[1]), field(nameField, m[2]!.trim())] : [field(nameField, title)];
  }
  if (spec.title === "number-title") {
    const m = /^(?:ADR[- ]?)?(\d+)[.:]?\s+(.+)$/is.exec(title);
    return m ? [field("number", Number(m[1])), field("title", m[2]!.trim())] : [field("title", title)];
  }
  if (spec.title === "session-title") return [field("title", title.replace(/^session\s*:\s*/i, ""))];
  return [field(nameField, title)];
}

/** Collects fields into a record: canonical names, duplicates reported with both positions, unknowns kept. */
function recordBuilder(spec: KindSpec, src: SourceText, diagnostics: Diagnostic[]) {
  const known = spec.fields.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
  const add = (record: RawRecord, raw: RawField) => {
    const fieldSpec = findField(spec, raw.name);
    const field = fieldSpec ? { ...raw, name: fieldSpec.name } : raw;
    const existing = fieldSpec ? record.fields.get(field.name) : record.unknown.find((u) => u.name === field.name);
    if (existing) {
      diagnostics.push(
        diagnostic(
          "error",
          "duplicate-field",
          field.keyAt,
          `field \`${field.name}\` is given twice (first as ${describe(existing.source)})`,
          "Keep one of the two; a field may be written in only one place.",
          [{ ...existing.keyAt, message: "first given here" }],
        ),
      );
      return;
    }
    if (fieldSpec) {
      record.fields.set(field.name, field);
      return;
    }
    record.unknown.push(field);
    const guess = suggest(field.name, known);
    if (guess) diagnostics.push(misspelled(spec, guess, field.keyAt, "field", field.key));
  };
  return {
    start(at: Location, stem: string): RawRecord {
      return { kind: spec.kind, file: src.file, at, fields: new Map(), unknown: [], extras: [], stem };
    },
    add,
    /** A field from the title applies only when no other place gives it. */
    addWeak(record: RawRecord, field: RawField) {
      if (!record.fields.has(field.name)) record.fields.set(field.name, field);
    },
    section(record: RawRecord, section: Section) {
      const name = normalizeKey(section.title);
      const fieldSpec = findField(spec, name);
      if (!fieldSpec) {
        const guess = suggest(name, known);
        if (guess && !record.fields.has(guess)) {
          diagnostics.push(misspelled(spec, guess, section.headingAt, "section", section.title));
        }
        record.extras.push({ heading: section.title, body: section.body, at: section.at });
        return;
      }
      const { value, items, leftover } = readSectionValue(fieldSpec, section, src);
      const field: RawField = { name: fieldSpec.name, key: section.title, source: "section", value, at: section.at, keyAt: section.headingAt, body: section.body, bodyAt: section.bodyAt };
      if (items) field.items = items;
      add(record, field);
      // An HTML comment (`<!-- markdownlint-disable-file MD024 -->`) is invisible: kept, but not worth a warning.
      const visible = leftover.filter((n) => !isComment(n));
      if (visible.length > 0) {
        diagnostics.push(
          diagnostic(
            "warning",
            "section-shape",
            src.nodeSpan(visible[0]!),
            `section \`${section.title}\` is read as ${shapeName(fieldSpec)}; the text around it is not part of the field`,
            `Move that text into a list item, or into a \`## Notes\` section; it is kept as extra text.`,
          ),
        );
      }
      if (leftover.length > 0) record.extras.push({ heading: section.title, body: nodesMarkdown(leftover, src), at: src.nodeSpan(leftover[0]!) });
    },
    finish(record: RawRecord): RawRecord {
      return record;
    },
  };
}

/**
 * A likely typo of a field name: a warning, or the error `misspelled-schedule-field` when the field it
 * resembles is one the schedule reads (dropping it would change the computed days silently).
 */
function misspelled(spec: KindSpec, guess: string, at: Location, place: "field" | "section", written: string): Diagnostic {
  const canonical = findField(spec, guess)?.name ?? guess;
  const what = `unknown ${spec.kind} ${place} \`${written}\`; did you mean \`${guess}\`?`;
  if (isScheduleField(spec.kind, canonical)) {
    const hint = place === "section" ? "Rename the heading." : `Rename it to \`${guess}\`.`;
    return diagnostic("error", "misspelled-schedule-field", at, `${what} The schedule reads \`${canonical}\`: misspelt, it would be ignored and the computed days would change without notice`, hint);
  }
  const hint = place === "section" ? "Rename the heading; unknown sections are kept and rendered as extra text." : `Rename it to \`${guess}\`; unknown fields are kept but not used.`;
  return diagnostic("warning", place === "section" ? "unknown-section" : "unknown-field", at, what, hint);
}

function isComment(node: RootContent): boolean {
  return node.type === "html" && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

function describe(source: FieldSource): string {
  return { "front-matter": "front matter", title: "the title", "key-value": "a key-value line", section: "a section", table: "a table cell", "file-name": "the file name" }[source];
}

function shapeName(spec: FieldSpec): string {
  return spec.type === "table" ? "a table" : spec.type === "kv" ? "key-value lines" : spec.type === "subsections" ? "`###` subsections" : spec.type === "lines" ? "lines of text" : "a list";
}

/** Reads a section body as the field's type; `leftover` holds content that does not fit that shape. */
function readSectionValue(spec: FieldSpec, section: Section, src: SourceText): { value: unknown; items?: RawItem[]; leftover: RootContent[] } {
  const nodes = section.nodes;
  switch (spec.type) {
    case "text":
      return { value: section.body, leftover: [] };
    case "lines": {
      const { lines, other } = sectionLines(nodes, src);
      return { value: lines.map((l) => l.value).join(" | "), items: lines, leftover: other };
    }
    case "items":
    case "list": {
      const { items, other } = listItems(nodes, src, spec.type === "list");
      return { value: items.map((i) => i.value), items, leftover: other };
    }
    case "table": {
      const table = firstTable(nodes);
      if (!table) return { value: [], leftover: nodes };
      const { rows } = readTable(table, src);
      const value = rows.map((r) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.value])));
      return { value, items: rows.map((r, i) => ({ value: value[i], at: r.at })), leftover: nodes.filter((n) => n !== table) };
    }
    case "kv": {
      const { lines, other } = keyValueLines(nodes, src);
      return { value: lines.map((l) => ({ key: l.key, value: l.value })), items: lines.map((l) => ({ value: l.value, at: l.at })), leftover: other };
    }
    case "subsections": {
      const { intro, entries } = readSubsections(nodes, src);
      return { value: entries, leftover: intro };
    }
    case "text-or-items": {
      const onlyList = nodes.length === 1 && nodes[0]!.type === "list";
      const rich: RichSection = { text: section.body, items: onlyList ? listItems(nodes, src, false).items.map((i) => String(i.value)) : [] };
      return { value: rich, leftover: [] };
    }
    case "consequences": {
      const { intro, entries } = readSubsections(nodes, src);
      const pick = (word: string) => entries.find((e) => normalizeKey(e.title).startsWith(word));
      const positive = pick("positive");
      const negative = pick("negative");
      const rich: RichSection = { text: nodesMarkdown(intro, src), items: [], subsections: entries.filter((e) => e !== positive && e !== negative) };
      if (positive) rich.positive = positive.items;
      if (negative) rich.negative = negative.items;
      if (entries.length === 0) rich.text = section.body;
      return { value: rich, leftover: [] };
    }
    default:
      return { value: toString({ type: "root", children: nodes }).trim(), leftover: [] };
  }
}

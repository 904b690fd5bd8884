import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import type { RawField, RawRecord, RichSection } from "../parse/raw-record.js";
import { DECISION } from "../schema/record-kinds.js";
import { toSlug } from "./build-records.js";
import { readDate } from "./decision-date.js";
import { readLinkPhrase } from "./decision-link-phrase.js";
import { decisionRefKeys, numberFromStem } from "./decision-ref.js";
import { readStatus, type StatusLink } from "./decision-status.js";
import { statusFromTitle, type TitleStatus } from "./title-status.js";
import { refs, rich } from "./field-accessors.js";
import { headOf, readFields, type Fields } from "./checked-fields.js";
import type { Decision, DecisionLink, DecisionSection, DecisionStatus } from "./types.js";

// The fields that are part of an ADR's body: shown as sections even when written in front matter.
const BODY_FIELDS: Readonly<Record<string, string>> = {
  context: "Context",
  decision: "Decision",
  rationale: "Rationale",
  consequences: "Consequences",
  alternatives_considered: "Alternatives Considered",
};

// Link fields of the front matter (or key-value lines) and the relation each gives.
const LINK_FIELDS: Readonly<Record<string, string>> = { supersedes: "supersedes", superseded_by: "superseded-by", amends: "amends", amended_by: "amended-by", relates_to: "relates-to" };

/** True for a record that is a file of its own; a row of a `decisions.md` table starts after the table's header. */
function ownsFile(record: RawRecord): boolean {
  return record.at.start.offset === 0;
}

/** The number of a `# 3. Title` heading, even when front matter gives the number (the title then gives none). */
function titleNumber(record: RawRecord): number | undefined {
  const m = /^(?:ADR[- ]?)?(\d+)[.:]?\s+\S/i.exec(record.heading?.text ?? "");
  return m ? Number(m[1]) : undefined;
}

/**
 * The ADR number: written (`number:`), else from the file name, else from the title. The file name comes before the title
 * because links name files: a title copied from another ADR (`# 3. …` in `0033-….md`) is reported, not followed.
 */
function decisionNumber(record: RawRecord, f: Fields, diagnostics: Diagnostic[]): number | undefined {
  const written = record.fields.get("number")?.source === "title" ? undefined : f.number("number");
  const fromFile = ownsFile(record) ? numberFromStem(record.stem) : undefined;
  const fromTitle = titleNumber(record);
  const number = written ?? fromFile ?? fromTitle;
  const other =
    written !== undefined && fromFile !== undefined && fromFile !== written
      ? { n: fromFile, where: "the file name" }
      : fromTitle !== undefined && number !== undefined && fromTitle !== number
        ? { n: fromTitle, where: "the title" }
        : undefined;
  if (other && number !== undefined) {
    const at = other.where === "the title" ? (record.heading?.at ?? headOf(record)) : written !== undefined ? f.at("number") : headOf(record);
    diagnostics.push(
      diagnostic(
        "warning",
        "decision-number-mismatch",
        at,
        `ADR number ${number} (from ${written !== undefined ? "`number`" : "the file name"}) differs from ${other.n} in ${other.where}`,
        `Make them agree; links to the ADR use ${written !== undefined ? "its `number`" : "the file name"}.`,
      ),
    );
  }
  return number;
}

/** The part of the file name after the number (`0005-help-comments` → `help-comments`), so generated pages keep the names links use. */
function slugOf(record: RawRecord, number: number | undefined, title: string): string {
  if (!ownsFile(record)) return toSlug(title);
  if (number === undefined) return record.stem;
  const m = /^(?:adr[-_ ]?)?0*(\d+)[-_. ]+(.+)$/is.exec(record.stem);
  return m && Number(m[1]) === number ? m[2]! : toSlug(title);
}

/** The status, what it says as written, and the links written in it; an unreadable status is kept with a warning. */
function statusOf(f: Fields, diagnostics: Diagnostic[], fromTitle: TitleStatus | undefined, defaultStatus: DecisionStatus) {
  const checked = f.raw("status");
  // No status written anywhere: a log4brains-style `# Accepted: Title` says it.
  if (!checked && fromTitle) return { status: fromTitle.status, statusText: fromTitle.word, statusAt: f.at("title"), links: [] as StatusLink[] };
  if (!checked) return { status: defaultStatus, statusText: "", statusAt: f.at("status"), links: [] as StatusLink[] };
  const items = checked.field.items;
  const parts = items && items.length > 0 ? items.map((i) => ({ value: String(i.value as string), at: i.at })) : [{ value: String(checked.value), at: checked.field.at }];
  const reading = readStatus(parts);
  const statusText = reading.text || String(checked.value);
  if (!reading.status) {
    diagnostics.push(
      diagnostic(
        "warning",
        "unknown-status",
        f.at("status"),
        `decision status \`${statusText}\` is not one of: proposed, accepted, rejected, deprecated, superseded`,
        "Use a standard status; the text is kept as written and the ADR is listed as proposed.",
      ),
    );
  }
  return { status: reading.status ?? "proposed", statusText, statusAt: f.at("status"), links: reading.links };
}

/** Every typed link of the record, from link fields, the status and `## Links` items, once each. */
function linksOf(f: Fields, fromStatus: readonly StatusLink[]): DecisionLink[] {
  const links: DecisionLink[] = [];
  for (const [name, relation] of Object.entries(LINK_FIELDS)) {
    const checked = f.raw(name);
    if (!checked) continue;
    const values = Array.isArray(checked.value) ? checked.value.map(String) : [String(checked.value)];
    values.forEach((id, i) => links.push({ relation, target: { id, at: checked.items?.[i]?.at ?? checked.field.at } }));
  }
  for (const { phrase, at } of fromStatus) links.push(withLabel({ relation: phrase.relation, target: { id: phrase.target, at }, prose: true }, phrase.label));
  const items = f.raw("links");
  (Array.isArray(items?.value) ? items.value : []).forEach((item, i) => {
    const phrase = readLinkPhrase(String(item));
    if (phrase)
      links.push(withLabel({ relation: phrase.relation, target: { id: phrase.target, at: itemPlace(items?.field.items?.[i]?.at ?? f.at("links"), String(item), phrase) }, prose: true }, phrase.label));
  });
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.relation} ${decisionRefKeys(l.target.id)[0] ?? l.target.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where a link's target is in a one-line list item: counted back from the item's end, which the list marker does not shift. */
function itemPlace(at: Location, item: string, phrase: { offset: number; length: number }): Location {
  if (at.start.line !== at.end.line) return at;
  const column = at.end.column - (item.length - phrase.offset);
  const offset = at.end.offset === undefined ? {} : { offset: at.end.offset - (item.length - phrase.offset) };
  return {
    file: at.file,
    start: { line: at.end.line, column, ...offset },
    end: { line: at.end.line, column: column + phrase.length, ...(offset.offset === undefined ? {} : { offset: offset.offset + phrase.length }) },
  };
}

function withLabel(link: DecisionLink, label: string | undefined): DecisionLink {
  if (label !== undefined) link.label = label;
  return link;
}

/** A field's value as Markdown, for body fields written outside a section (front matter, a table cell). */
function markdownOf(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `- ${String(v)}`).join("\n");
  if (value && typeof value === "object" && "text" in value) return (value as RichSection).text;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The body in the order written: every section under its own heading, the text before the first one, and body fields written elsewhere. */
function sectionsOf(record: RawRecord): DecisionSection[] {
  const offset = (at: Location) => at.start.offset ?? 0;
  const fields = [...record.fields.values()];
  const fromSections = fields.filter((f) => f.source === "section");
  const inside = (at: Location, f: RawField) => offset(at) >= offset(f.at) && (at.end.offset ?? 0) <= (f.at.end.offset ?? 0);
  const sections: DecisionSection[] = [
    ...fromSections.map((f) => ({ heading: f.key, field: f.name, body: f.body ?? markdownOf(f.value), at: f.at })),
    // Text around a list that was read as a field is part of that section's verbatim body already.
    ...record.extras.filter((e) => !fromSections.some((f) => inside(e.at, f))).map((e) => ({ heading: e.heading, body: e.body, at: e.at })),
    ...fields.filter((f) => f.source !== "section" && Object.hasOwn(BODY_FIELDS, f.name)).map((f) => ({ heading: BODY_FIELDS[f.name]!, field: f.name, body: markdownOf(f.value), at: f.at })),
  ];
  return sections.sort((a, b) => offset(a.at) - offset(b.at));
}

/** An architecture decision record in any of the formats teams keep them in: Nygard (adr-tools), MADR 2–4, log4brains. */
export function buildDecision(record: RawRecord, diagnostics: Diagnostic[], defaultStatus: DecisionStatus = "proposed"): Decision {
  const f = readFields(record, DECISION, diagnostics);
  const number = decisionNumber(record, f, diagnostics);
  const titleWritten = f.string("title");
  const prefixed = titleWritten !== undefined && !f.raw("status") ? statusFromTitle(titleWritten) : undefined;
  const title = prefixed?.title ?? titleWritten ?? record.stem;
  const slug = slugOf(record, number, title);
  const status = statusOf(f, diagnostics, prefixed, defaultStatus);
  const links = linksOf(f, status.links);
  const consequences = rich(f, "consequences");
  const alternatives = rich(f, "alternatives_considered");
  const written = f.string("date");
  const reading = written === undefined ? undefined : readDate(written);
  const supersededBy = links.find((l) => l.relation === "superseded-by")?.target;
  const decision: Decision = {
    id: number !== undefined ? String(number) : ownsFile(record) ? record.stem : slug,
    title,
    slug,
    stem: record.stem,
    status: status.status,
    statusText: status.statusText,
    statusAt: status.statusAt,
    deciders: f.strings("deciders"),
    consulted: f.strings("consulted"),
    informed: f.strings("informed"),
    supersedes: links.filter((l) => l.relation === "supersedes").map((l) => l.target),
    links,
    tags: f.strings("tags"),
    workstreams: refs(f, "workstreams"),
    context: f.string("context") ?? "",
    decision: f.string("decision") ?? "",
    rationale: f.string("rationale") ?? "",
    consequences: { text: consequences?.text ?? "", positive: consequences?.positive ?? [], negative: consequences?.negative ?? [] },
    alternatives: alternatives?.items.length ? alternatives.items : alternatives?.text.trim() ? [alternatives.text.trim()] : [],
    // Key-value lines are text a reader sees, unlike front matter: they are shown even when they are no field.
    otherFields: record.unknown.filter((u) => u.source === "key-value").map((u) => ({ key: u.key, value: String(u.value as string) })),
    sections: sectionsOf(record),
    extras: record.extras,
    source: { file: record.file, at: record.at },
  };
  if (number !== undefined) decision.number = number;
  if (record.heading) decision.heading = record.heading.text;
  if (reading && "iso" in reading) decision.date = reading.iso;
  if (written !== undefined) decision.dateWritten = { text: written, at: f.at("date") };
  if (supersededBy) decision.supersededBy = supersededBy;
  return decision;
}

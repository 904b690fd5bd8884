import { diagnostic, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import { toSlug } from "../model/build-records.js";
import type { Plan } from "../model/types.js";
import type { ParsedFile } from "../parse/raw-record.js";
import { suggest } from "../parse/suggest.js";
import { safeSegment } from "../model/output-paths.js";
import { normalizeKey, type FieldSpec } from "../schema/field-spec.js";
import { AGENT, DECISION, findField, RISK, SESSION, WORKSTREAM, type KindSpec } from "../schema/record-kinds.js";
import { checkValue, valueText } from "./field-value.js";
import { displayName } from "./field-names.js";
import { frontMatterEntry } from "./front-matter-edit.js";
import { headingMarkdown, plainListMarkdown } from "./markdown-fragment.js";
import { nextId, nextNumber } from "./next-id.js";

/** The record kinds `paraplan new` creates. */
export const NEW_KINDS = ["workstream", "decision", "risk", "session", "agent"] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** What to create: a kind, a title, fields given on the command line, an optional id (or ADR number) and today's date. */
export interface NewRecordRequest {
  kind: NewKind;
  title: string;
  fields: readonly { name: string; value: string }[];
  id?: string;
  today: string;
  /** Sections to write, by field name, instead of the kind's default empty ones (a session log pre-filled from the last). */
  bodies?: Readonly<Record<string, string>>;
}

/** A new record file: its path inside the plan folder, its text, and how to name it. */
export interface NewRecordFile {
  relative: string;
  text: string;
  label: string;
}

const SPECS: Record<NewKind, KindSpec> = { workstream: WORKSTREAM, decision: DECISION, risk: RISK, session: SESSION, agent: AGENT };

/** The fields a new record is given when the command line does not say, so that it is valid at once. */
const DEFAULTS: Record<NewKind, Record<string, unknown>> = {
  workstream: { days: 1, depends_on: [], owns: [], touches: [], status: "planned" },
  risk: { severity: "medium", status: "open", workstreams: [] },
  decision: { status: "proposed" },
  session: {},
  agent: {},
};

/** The empty sections a new record starts with, to be filled in. */
const SECTIONS: Record<NewKind, readonly string[]> = {
  workstream: ["goal", "deliverables", "quality_gates"],
  risk: ["impact", "mitigation", "contingency"],
  decision: ["context", "decision", "consequences"],
  session: ["summary", "what_changed", "decisions", "next_priorities", "risks"],
  agent: ["role", "working_agreements"],
};

/** Fields the title (or the id) gives, which the command line must not give again. */
const FROM_TITLE: Record<NewKind, readonly string[]> = { workstream: ["id", "name"], risk: ["id", "title"], decision: ["number", "title"], session: ["title"], agent: ["id", "name"] };

/** Types written as a `##` section of a new record; the rest go into the front matter (key-value lines for sessions). */
const SECTION_TYPES = new Set(["text", "items", "text-or-items", "consequences", "subsections", "kv", "table"]);

/**
 * Writes a new record the way the embedded plan writes them: front matter, a `# ID: Name` title and empty sections
 * (a session log: `**Key:** value` lines instead of front matter), with the next free id or ADR number.
 */
export function newRecordFile(plan: Plan, files: readonly ParsedFile[], request: NewRecordRequest, planDir: string): NewRecordFile | { diagnostics: Diagnostic[] } {
  const spec = SPECS[request.kind];
  const title = request.title.trim();
  const at: Location = { file: `${planDir}/${spec.collection}/`, ...FILE_START };
  const problems: Diagnostic[] = [];
  if (title === "" || /[\r\n]/.test(title)) problems.push(diagnostic("error", "write-invalid-value", at, "the title must be one line of text", 'Give a title, e.g. "Config Management".'));
  if (files.some((f) => f.kind === spec.kind && f.shape === "table")) {
    problems.push(diagnostic("error", "write-unsupported", at, `the ${spec.collection} collection is a table in one file`, "Add a row to the table by hand."));
  }

  const values = new Map<string, unknown>(Object.entries(DEFAULTS[request.kind]));
  for (const given of request.fields) {
    const field = findField(spec, normalizeKey(given.name));
    if (!field || FROM_TITLE[request.kind].includes(field.name)) {
      const guess = field
        ? undefined
        : suggest(
            normalizeKey(given.name),
            spec.fields.map((f) => f.name),
          );
      const hint = field
        ? field.name === "id" || field.name === "number"
          ? "Use --id."
          : "The title argument gives it."
        : guess
          ? `Did you mean \`--${guess.replace(/_/g, "-")}\`?`
          : `Fields: ${spec.fields.map((f) => f.name).join(", ")}.`;
      problems.push(diagnostic("error", "write-unknown-field", at, `\`--${given.name}\` is not a field a new ${spec.kind} takes`, hint));
      continue;
    }
    const checked = checkValue(spec, field, given.value, at);
    if ("diagnostics" in checked) problems.push(...checked.diagnostics);
    else values.set(field.name, checked.value);
  }
  if (request.kind === "decision" || request.kind === "session") values.set("date", values.get("date") ?? request.today);
  // A workstream no wave merges is a warning (`no-wave`): a new one goes to the last wave, which never merges it before
  // what it depends on, unless `--wave` or `--waves` says otherwise.
  const lastWave = Math.max(...plan.waves.map((w) => w.number), ...plan.workstreams.flatMap((w) => [w.wave ?? 0, ...(w.waves ?? [])]));
  if (request.kind === "workstream" && !values.has("wave") && !values.has("waves") && lastWave > 0) values.set("wave", lastWave);

  const identity = identify(plan, request, title, at);
  if ("diagnostics" in identity) problems.push(...identity.diagnostics);
  if (problems.length > 0 || "diagnostics" in identity) return { diagnostics: problems };

  const eol = "\n";
  const sectionNames = [...SECTIONS[request.kind], ...[...values.keys()].filter((n) => SECTION_TYPES.has(fieldOf(spec, n).type) || (request.kind === "session" && fieldOf(spec, n).type === "list"))];
  const inline = spec.fields.filter((f) => values.has(f.name) && !sectionNames.includes(f.name));
  const head =
    request.kind === "session"
      ? `${headingMarkdown(1, `Session: ${title}`)}${eol}${eol}${inline.map((f) => `**${displayName(f.name)}:** ${valueText(values.get(f.name))}`).join(eol)}${eol}`
      : `---${eol}${identity.frontMatter.map(([f, v]) => frontMatterEntry(f.name, f, v, eol)).join("")}${inline.map((f) => frontMatterEntry(f.name, f, values.get(f.name), eol)).join("")}---${eol}${eol}${identity.heading}${eol}`;
  const sections = spec.fields
    .filter((f) => sectionNames.includes(f.name))
    .map((f) => {
      const body = request.bodies?.[f.name] ?? markdownOf(f, values.get(f.name));
      return `${eol}${headingMarkdown(2, displayName(f.name))}${eol}${body === "" ? "" : `${eol}${body.replace(/\s+$/, "")}${eol}`}`;
    });
  return { relative: identity.relative, text: head + sections.join(""), label: identity.label };
}

function fieldOf(spec: KindSpec, name: string): FieldSpec {
  return spec.fields.find((f) => f.name === name)!;
}

/** A section's Markdown: entries of a `list` field are plain text (escaped by the serialiser), other values Markdown as given. */
function markdownOf(spec: FieldSpec, value: unknown): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return spec.type === "list" ? plainListMarkdown(value.map((v) => valueText(v))) : value.map((v) => `- ${valueText(v)}`).join("\n");
  return valueText(value);
}

/** The new record's id or number, file name, title heading and identifying front matter; or why the id cannot be used. */
function identify(
  plan: Plan,
  request: NewRecordRequest,
  title: string,
  at: Location,
): { relative: string; heading: string; label: string; frontMatter: [FieldSpec, unknown][] } | { diagnostics: Diagnostic[] } {
  const taken = (message: string) => ({ diagnostics: [diagnostic("error", "write-id-taken", at, message, "Choose another with --id, or leave --id out for the next free one.")] });
  const badId = (id: string) => ({
    diagnostics: [diagnostic("error", "write-invalid-value", at, `\`${id}\` cannot be an id`, "Ids start with a letter and hold letters, digits, `.`, `_` and `-` (TD5, R6).")],
  });
  const slug = toSlug(title);
  switch (request.kind) {
    case "workstream":
    case "risk": {
      const existing = request.kind === "workstream" ? plan.workstreams.map((w) => w.id) : plan.risks.map((r) => r.id);
      const id = request.id ?? nextId(existing, request.kind === "workstream" ? "W" : "R");
      if (!/^[A-Za-z][\w.-]*$/.test(id)) return badId(id);
      if (existing.some((e) => e.toLowerCase() === id.toLowerCase())) return taken(`${request.kind} \`${id}\` exists already`);
      const folder = request.kind === "workstream" ? "workstreams" : "risks";
      return { relative: `${folder}/${safeSegment(`${id}-${slug}`, id)}.md`, heading: headingMarkdown(1, `${id}: ${title}`), label: id, frontMatter: [[fieldOf(SPECS[request.kind], "id"), id]] };
    }
    case "decision": {
      const existing = plan.decisions.flatMap((d) => (d.number === undefined ? [] : [d.number]));
      const wanted = request.id === undefined ? nextNumber(existing) : Number(/^(?:adr[-_ ]?)?0*(\d+)$/i.exec(request.id)?.[1] ?? Number.NaN);
      if (!Number.isInteger(wanted) || wanted < 1)
        return { diagnostics: [diagnostic("error", "write-invalid-value", at, `\`${request.id ?? ""}\` is not an ADR number`, "Give a whole number, e.g. --id 7.")] };
      if (existing.includes(wanted)) return taken(`ADR ${wanted} exists already`);
      return {
        relative: `decisions/${String(wanted).padStart(4, "0")}-${safeSegment(slug, "decision")}.md`,
        heading: headingMarkdown(1, `${wanted}. ${title}`),
        label: `ADR-${wanted}`,
        frontMatter: [[fieldOf(DECISION, "number"), wanted]],
      };
    }
    case "session": {
      if (request.id !== undefined)
        return { diagnostics: [diagnostic("error", "write-invalid-value", at, "a session is named by its date and title, not an id", "Leave --id out; --date gives another day.")] };
      return {
        relative: `sessions/${safeSegment(`${request.today}-${slug}`, request.today)}.md`,
        heading: headingMarkdown(1, `Session: ${title}`),
        label: `${request.today}-${slug}`,
        frontMatter: [],
      };
    }
    case "agent": {
      const id = request.id ?? slug;
      if (!/^[A-Za-z0-9][\w.-]*$/.test(id)) return badId(id);
      if (plan.agents.some((a) => a.id.toLowerCase() === id.toLowerCase())) return taken(`agent \`${id}\` exists already`);
      return {
        relative: `agents/${safeSegment(id, "agent")}.md`,
        heading: headingMarkdown(1, title),
        label: id,
        frontMatter: [
          [fieldOf(AGENT, "id"), id],
          [fieldOf(AGENT, "name"), title],
        ],
      };
    }
  }
}

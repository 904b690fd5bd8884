import { z } from "zod";
import type { FieldType } from "./field-spec.js";
import { KINDS, type KindSpec } from "./record-kinds.js";
import { frontMatterSchema } from "./zod-schemas.js";

const TYPE_NAMES: Record<FieldType, string> = {
  string: "text (one line)",
  lines: "text (a `##` section: one line each)",
  integer: "whole number",
  number: "number",
  duration: "days: `2`, `1.5` or `1-2`",
  date: "date `YYYY-MM-DD`",
  enum: "one of",
  list: "list (`[a, b]`, or `a, b` on one line, or a `##` list)",
  text: "Markdown, kept verbatim",
  items: "list of Markdown items",
  table: "table",
  kv: "key-value lines",
  subsections: "`###` subsections",
  "text-or-items": "Markdown or a list",
  consequences: "Markdown, or `### Positive` / `### Negative` lists",
  "wave-set": "`all` or wave numbers",
  "wave-list": "wave numbers (`[2, 3]`)",
};

const WHERE: Record<KindSpec["kind"], string> = {
  project: "`plan/project.md`",
  agent: "`plan/agents/<id>.md`",
  workstream: "`plan/workstreams/<ID>-<slug>.md`",
  wave: "`plan/waves.md` (one table row per wave) or `plan/waves/<n>-<slug>.md`",
  gate: "`plan/gates.md` (one table row per gate) or `plan/gates/<id>.md`",
  risk: "`plan/risks/<id>-<slug>.md`",
  decision: "`plan/decisions/<NNNN>-<slug>.md`",
  session: "`plan/sessions/<YYYY-MM-DD>-<slug>.md`",
};

/** The Markdown field reference of every record kind, generated from the same specs the parser uses. */
export function fieldReference(): string {
  const parts: string[] = [];
  for (const kind of KINDS) {
    parts.push(`#### ${kind.kind[0]!.toUpperCase()}${kind.kind.slice(1)}: ${WHERE[kind.kind]}`, "");
    parts.push("| Field | Type | Required | Also written as | Meaning |", "| --- | --- | --- | --- | --- |");
    for (const f of kind.fields) {
      const type = f.type === "enum" ? `one of ${f.values!.map((v) => `\`${v}\``).join(", ")}` : TYPE_NAMES[f.type];
      const aliases = (f.aliases ?? []).map((a) => `\`${a}\``).join(", ") || "—";
      parts.push(`| \`${f.name}\` | ${type} | ${f.required ? "yes" : "no"} | ${aliases} | ${f.description.replace(/\|/g, "\\|")} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}

/** JSON Schema (draft-07) of each record kind's front matter, for editors and linters that read front matter. */
export function jsonSchemas(): { file: string; json: string }[] {
  return KINDS.map((kind) => {
    const schema = z.toJSONSchema(frontMatterSchema(kind), { target: "draft-7", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const withId = { $id: `https://paraplan.dev/schemas/${kind.kind}.schema.json`, title: `paraplan ${kind.kind} front matter`, ...schema };
    return { file: `${kind.kind}.schema.json`, json: `${JSON.stringify(withId, null, 2)}\n` };
  });
}

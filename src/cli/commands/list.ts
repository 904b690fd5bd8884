import { decisionIndex } from "../../model/decision-ref.js";
import type { Plan } from "../../model/types.js";
import { adrNumber } from "../../render/views/decision-view.js";
import type { PlanSchedule } from "../../schedule/index.js";
import { suggest } from "../../parse/suggest.js";
import { DECISION_STATUSES, findField, KINDS } from "../../schema/record-kinds.js";
import { loadProject } from "../../io/build.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { terminalTable } from "../terminal-table.js";
import { LIST_KINDS, type ListKind } from "./list-kinds.js";

/** The record kind (in the schema) each list shows. */
const RECORD_KIND: Record<ListKind, string> = { workstreams: "workstream", decisions: "decision", risks: "risk", sessions: "session", agents: "agent", waves: "wave", gates: "gate" };

/** One column: its header in the table, its camelCase key in JSON, and each row's typed value (null when absent). */
interface Column<T> {
  header: string;
  key: string;
  value(record: T): unknown;
  /** The cell, when the table shows the value otherwise than JSON (an ADR number padded, `0003`). */
  text?(record: T): string;
}

/** A list: its columns, its records, and a record's status when the kind has one. */
interface Listing<T> {
  columns: Column<T>[];
  records: readonly T[];
  status?(record: T): string;
}

const col = <T>(header: string, key: string, value: (record: T) => unknown, text?: (record: T) => string): Column<T> => ({ header, key, value, ...(text ? { text } : {}) });

/** A typed value as a table cell: lists comma-separated, absent as empty, a duration as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value === true) return "yes";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "string" || typeof value === "number") return String(value);
  const text = (value as { text?: unknown }).text;
  return typeof text === "string" ? text : JSON.stringify(value);
}

/** Every list, with typed values (as `export` gives them) so that `--json` is not all strings. */
function listings(plan: Plan, schedule: PlanSchedule): { [K in ListKind]: Listing<never> } {
  const timing = new Map(schedule.withWaves.high.workstreams.map((t) => [t.id, t]));
  const decisions = decisionIndex(plan.decisions);
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);
  const workstreams: Listing<Plan["workstreams"][number]> = {
    records: plan.workstreams,
    status: (w) => w.status,
    columns: [
      col("id", "id", (w) => w.id),
      col("name", "name", (w) => w.name),
      col("agent", "agent", (w) => w.agent?.id ?? null),
      col("days", "days", (w) => w.days),
      col("priority", "priority", (w) => w.priority),
      col("status", "status", (w) => w.status),
      col("start", "start", (w) => timing.get(w.id)?.start ?? null),
      col("finish", "finish", (w) => timing.get(w.id)?.finish ?? null),
      col("critical", "critical", (w) => timing.get(w.id)?.critical ?? false),
    ],
  };
  const decisionList: Listing<Plan["decisions"][number]> = {
    records: plan.decisions,
    status: (d) => d.status,
    columns: [
      col(
        "number",
        "number",
        (d) => d.number ?? adrNumber(d),
        (d) => adrNumber(d),
      ),
      col("title", "title", (d) => d.title),
      col("status", "status", (d) => d.status),
      col("written as", "writtenAs", (d) => (d.statusText.toLowerCase() === d.status ? null : d.statusText)),
      col("date", "date", (d) => d.date ?? d.dateWritten?.text ?? null),
      col(
        "superseded by",
        "supersededBy",
        (d) => {
          const by = d.supersededBy && decisions.find(d.supersededBy.id);
          return by ? (by.number ?? adrNumber(by)) : (d.supersededBy?.id ?? null);
        },
        (d) => {
          const by = d.supersededBy && decisions.find(d.supersededBy.id);
          return by ? adrNumber(by) : (d.supersededBy?.id ?? "");
        },
      ),
      col("file", "file", (d) => d.source.file),
    ],
  };
  const risks: Listing<Plan["risks"][number]> = {
    records: plan.risks,
    status: (r) => r.status,
    columns: [
      col("id", "id", (r) => r.id),
      col("title", "title", (r) => r.title),
      col("severity", "severity", (r) => r.severity),
      col("status", "status", (r) => r.status),
      col("workstreams", "workstreams", (r) => ids(r.workstreams)),
    ],
  };
  const sessions: Listing<Plan["sessions"][number]> = {
    records: plan.sessions,
    status: (s) => s.status ?? "",
    columns: [col("date", "date", (s) => s.date), col("title", "title", (s) => s.title), col("type", "type", (s) => s.type ?? null), col("status", "status", (s) => s.status ?? null)],
  };
  const agents: Listing<Plan["agents"][number]> = {
    records: plan.agents,
    columns: [col("id", "id", (a) => a.id), col("name", "name", (a) => a.name), col("role", "role", (a) => a.role || null)],
  };
  const waves: Listing<Plan["waves"][number]> = {
    records: plan.waves,
    columns: [
      col("number", "number", (w) => w.number),
      col("name", "name", (w) => w.name),
      col("day", "day", (w) => w.day ?? null),
      col("branch", "branch", (w) => w.branch ?? null),
      col("workstreams", "workstreams", (w) => ids(w.workstreams)),
      col("coverage", "coverage", (w) => w.coverage ?? null),
      col("gates", "gates", (w) => ids(w.gates)),
    ],
  };
  const gates: Listing<Plan["gates"][number]> = {
    records: plan.gates,
    columns: [
      col("id", "id", (g) => g.id),
      col("name", "name", (g) => g.name),
      col("command", "command", (g) => g.command),
      col("threshold", "threshold", (g) => g.threshold ?? null),
      col("applies to", "appliesTo", (g) => g.appliesTo),
    ],
  };
  return { workstreams, decisions: decisionList, risks, sessions, agents, waves, gates } as unknown as { [K in ListKind]: Listing<never> };
}

/**
 * The statuses `--status` accepts for a kind, from the schema's field spec (an ADR's are the standard statuses it is
 * read as); `"any"` when the status is free text (a session's), undefined when the kind has no status.
 */
function statusValues(kind: ListKind): readonly string[] | "any" | undefined {
  const spec = KINDS.find((k) => k.kind === RECORD_KIND[kind]);
  const field = spec && findField(spec, "status");
  if (!field) return undefined;
  if (field.values) return field.values;
  return RECORD_KIND[kind] === "decision" ? DECISION_STATUSES : "any";
}

/** `paraplan list <kind>`: a table of records (or JSON with typed values and camelCase keys), filterable by status. */
export async function list(context: CommandContext, kind: ListKind, options: { status?: string; json: boolean }): Promise<ExitCode> {
  if (!LIST_KINDS.includes(kind)) throw new CliError(`cannot list \`${String(kind)}\``, EXIT.usage, `List one of: ${LIST_KINDS.join(", ")}.`);
  const wanted = options.status?.trim().toLowerCase();
  const valid = statusValues(kind);
  if (wanted !== undefined && valid === undefined) throw new CliError(`${kind} have no status; --status does not apply`, EXIT.usage, "Leave --status out.");
  if (wanted !== undefined && Array.isArray(valid) && !valid.includes(wanted)) {
    const guess = suggest(wanted, valid);
    throw new CliError(`\`${options.status ?? ""}\` is not a status of ${kind}; valid: ${valid.join(", ")}`, EXIT.usage, guess ? `Did you mean \`${guess}\`?` : `Use one of: ${valid.join(", ")}.`);
  }
  const { plan, schedule } = await loadProject(context);
  const listing = listings(plan, schedule)[kind] as Listing<unknown>;
  const records = listing.records.filter((r) => wanted === undefined || (listing.status?.(r) ?? "").toLowerCase() === wanted);
  if (options.json) {
    const rows = records.map((r) => Object.fromEntries(listing.columns.map((c) => [c.key, c.value(r) ?? null])));
    context.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (records.length === 0) {
    context.stderr(`no ${kind}${wanted ? ` with status ${wanted}` : ""}\n`);
  } else {
    const cells = records.map((r) => listing.columns.map((c) => (c.text ? c.text(r) : cellText(c.value(r)))));
    context.stdout(
      terminalTable(
        listing.columns.map((c) => c.header),
        cells,
        context.paint.bold,
      ),
    );
  }
  return EXIT.ok;
}

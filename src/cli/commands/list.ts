import { decisionIndex } from "../../model/decision-ref.js";
import { adrNumber } from "../../render/views/decision-view.js";
import { loadWithEnv } from "../build-env.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { terminalTable } from "../terminal-table.js";

export const LIST_KINDS = ["workstreams", "decisions", "risks", "sessions"] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** `paraplan list <kind>`: a table of records, filterable by status. */
export async function list(context: CommandContext, kind: ListKind, options: { status?: string; json: boolean }): Promise<ExitCode> {
  const { plan, schedule } = await loadWithEnv(context);
  const timing = new Map(schedule.withWaves.high.workstreams.map((t) => [t.id, t]));
  const decisions = decisionIndex(plan.decisions);
  const tables: Record<ListKind, { headers: string[]; rows: { status: string; cells: string[] }[] }> = {
    workstreams: {
      headers: ["id", "name", "agent", "days", "priority", "status", "start", "finish", "critical"],
      rows: plan.workstreams.map((w) => {
        const t = timing.get(w.id);
        return { status: w.status, cells: [w.id, w.name, w.agent?.id ?? "", w.days.text, w.priority, w.status, String(t?.start ?? ""), String(t?.finish ?? ""), t?.critical ? "yes" : ""] };
      }),
    },
    decisions: {
      headers: ["number", "title", "status", "written as", "date", "superseded by", "file"],
      rows: plan.decisions.map((d) => {
        const written = d.statusText.toLowerCase() === d.status ? "" : d.statusText;
        const by = d.supersededBy && (decisions.find(d.supersededBy.id) ?? d.supersededBy.id);
        return { status: d.status, cells: [adrNumber(d), d.title, d.status, written, d.date ?? d.dateWritten?.text ?? "", typeof by === "object" ? adrNumber(by) : (by ?? ""), d.source.file] };
      }),
    },
    risks: {
      headers: ["id", "title", "severity", "status", "workstreams"],
      rows: plan.risks.map((r) => ({ status: r.status, cells: [r.id, r.title, r.severity, r.status, r.workstreams.map((x) => x.id).join(", ")] })),
    },
    sessions: {
      headers: ["date", "title", "type", "status"],
      rows: plan.sessions.map((s) => ({ status: s.status ?? "", cells: [s.date, s.title, s.type ?? "", s.status ?? ""] })),
    },
  };
  const table = tables[kind];
  if (!table) throw new CliError(`cannot list \`${kind}\``, EXIT.usage, `List one of: ${LIST_KINDS.join(", ")}.`);
  const wanted = options.status?.toLowerCase();
  const rows = table.rows.filter((r) => wanted === undefined || r.status.toLowerCase() === wanted);
  if (options.json) {
    context.stdout(`${JSON.stringify(rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r.cells[i]]))), null, 2)}\n`);
  } else if (rows.length === 0) {
    context.stderr(`no ${kind}${wanted ? ` with status ${wanted}` : ""}\n`);
  } else {
    context.stdout(terminalTable(table.headers, rows.map((r) => r.cells), context.paint.bold));
  }
  return EXIT.ok;
}

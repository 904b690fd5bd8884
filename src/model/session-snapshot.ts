import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { normalizeKey } from "../schema/field-spec.js";
import type { Fields } from "./checked-fields.js";
import type { SessionSnapshot } from "./types.js";

/** Each snapshot table of a session record: its field, the part of the snapshot it fills, and its columns (the first names the row). */
export const SNAPSHOT_TABLES = [
  { field: "figures", heading: "Figures", part: "figures", columns: ["Figure", "Value"] },
  { field: "workstreams", heading: "Workstreams", part: "workstreams", columns: ["ID", "Name", "Agent", "Days", "Priority", "Status", "Starts", "Worktree", "Branch"] },
  { field: "waves", heading: "Waves", part: "waves", columns: ["Wave", "Name", "Merges", "Workstreams", "Branch"] },
  { field: "adr_statuses", heading: "ADR Statuses", part: "decisions", columns: ["ADR", "Title", "Status"] },
  { field: "risk_statuses", heading: "Risk Statuses", part: "risks", columns: ["Risk", "Title", "Severity", "Status"] },
] as const satisfies readonly { field: string; heading: string; part: keyof SessionSnapshot; columns: readonly string[] }[];

/** A column's key in a parsed table row (`ID` → `id`). */
const keyOf = (column: string) => normalizeKey(column);

/**
 * The snapshot a session record carries, read from its tables. A row without a value in its first column is reported
 * (and left out); other missing cells read as empty, since a person may leave a figure blank when correcting it.
 */
export function readSnapshot(f: Fields, diagnostics: Diagnostic[]): SessionSnapshot {
  const snapshot: SessionSnapshot = {};
  for (const table of SNAPSHOT_TABLES) {
    const checked = f.raw(table.field);
    if (!checked || !Array.isArray(checked.value)) continue;
    const rows: Record<string, string>[] = [];
    (checked.value as Record<string, string>[]).forEach((row, i) => {
      const name = keyOf(table.columns[0]);
      if ((row[name] ?? "").trim() === "") {
        const at = checked.items?.[i]?.at ?? checked.field.at;
        diagnostics.push(
          diagnostic(
            "error",
            "invalid-value",
            at,
            `a row of the session's ${table.heading} table has no \`${table.columns[0]}\``,
            `Use the columns ${table.columns.map((c) => `\`${c}\``).join(", ")}.`,
          ),
        );
        return;
      }
      rows.push(Object.fromEntries(table.columns.map((c) => [keyOf(c), (row[keyOf(c)] ?? "").trim()])));
    });
    (snapshot as Record<string, unknown>)[table.part] = rows;
  }
  return snapshot;
}

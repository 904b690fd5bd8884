/**
 * Re-planning from progress: a workstream that has started or finished is fixed at the days it
 * actually took, whatever its dependencies say, and the rest of the plan is scheduled from there.
 * A `done` or `merged` workstream with no recorded day keeps its planned days (nothing better is
 * known); `blocked` changes no day (how long a block lasts is not known) and is reported instead.
 */
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Workstream } from "../model/types.js";

/** How one workstream enters a schedule's network. */
export interface Progress {
  /** The day after whose end it may begin. */
  base: number;
  /** Whole days of work. */
  span: number;
  /** True when recorded days fix it: its dependencies no longer move it. */
  fixed: boolean;
}

/** A workstream's place in a network from its planned span and earliest base, and its recorded `started` / `finished` days. */
export function progressOf(ws: Workstream, span: number, base: number): Progress {
  const { started, finished } = ws;
  if (started !== undefined && started >= 1 && finished !== undefined && finished >= started) {
    return { base: started - 1, span: finished - started + 1, fixed: true };
  }
  if (finished !== undefined && finished >= 1) {
    const taken = Math.min(span, finished);
    return { base: finished - taken, span: taken, fixed: true };
  }
  if (started !== undefined && started >= 1) return { base: started - 1, span, fixed: true };
  return { base, span, fixed: false };
}

/** Recorded days that contradict the status or each other, and blocked workstreams with what waits for them. */
export function progressDiagnostics(workstreams: readonly Workstream[], dependents: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const ws of workstreams) {
    if (ws.started !== undefined && ws.finished !== undefined && ws.finished < ws.started) {
      found.push(diagnostic("error", "progress-days", ws.source.at, `${ws.id} finished on day ${ws.finished}, before it started on day ${ws.started}`, "correct `started` or `finished`"));
    }
    if (ws.finished !== undefined && (ws.status === "planned" || ws.status === "in progress")) {
      found.push(
        diagnostic("warning", "progress-days", ws.source.at, `${ws.id} has \`finished: ${ws.finished}\` but its status is ${ws.status}`, "set `status: done` (or `merged`), or remove `finished`"),
      );
    }
    if (ws.status === "blocked") {
      const waiting = dependents.get(ws.id) ?? [];
      const who = waiting.length > 0 ? `; ${waiting.join(", ")} ${waiting.length === 1 ? "waits" : "wait"} for it` : "";
      found.push(
        diagnostic(
          "warning",
          "workstream-blocked",
          ws.source.at,
          `${ws.id} is blocked: the schedule assumes it still takes its planned days${who}`,
          `clear the blocker and set \`status: in progress\`, or record what blocks it in the workstream's Notes`,
        ),
      );
    }
  }
  return found;
}

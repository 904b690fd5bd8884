import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DecisionStatus } from "./types.js";

/** What a diagnostic code may be set to in `paraplan.config.json`'s `severity`: dropped, or reported as a warning or an error. */
export type SeverityOverride = "off" | "warning" | "error";

/** A project's settings from `paraplan.config.json` that change how the plan is read and checked. */
export interface PlanSettings {
  /** The status of a decision that writes none (`proposed` when unset). */
  defaultDecisionStatus?: DecisionStatus;
  /** Severity by diagnostic code: `off` drops it. */
  severity?: Readonly<Record<string, SeverityOverride>>;
  /** Beyond this many workstreams the execution plan moves its per-workstream tables into pages (200 when unset). */
  planPagesAbove?: number;
}

/** The diagnostics with the configured severities: `off` codes dropped, others re-ranked (the original kept when unset). */
export function applySeverity(diagnostics: readonly Diagnostic[], severity: PlanSettings["severity"]): Diagnostic[] {
  if (!severity || Object.keys(severity).length === 0) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const wanted = Object.hasOwn(severity, d.code) ? severity[d.code] : undefined;
    if (wanted === undefined) return [d];
    return wanted === "off" ? [] : [{ ...d, severity: wanted }];
  });
}

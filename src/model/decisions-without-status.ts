import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Decision } from "./types.js";

/** From this many decisions without a status on, they are one warning with a count, not silence. */
const MANY_WITHOUT_STATUS = 5;

/**
 * One warning, with a count, when many decisions write no status: they are listed as proposed and would land in the
 * reviewers' queue unnoticed (a historical log often has no status lines). Not given when a default status is configured.
 */
export function decisionsWithoutStatus(decisions: readonly Decision[]): Diagnostic[] {
  const missing = decisions.filter((d) => d.statusText === "" && d.status === "proposed");
  const first = missing[0];
  if (!first || missing.length < MANY_WITHOUT_STATUS) return [];
  return [
    diagnostic(
      "warning",
      "decisions-without-status",
      { ...first.source.at, end: first.source.at.start },
      `${missing.length} of ${decisions.length} decisions write no status and are listed as proposed`,
      'Write their status, or set a default in paraplan.config.json: {"decisions": {"defaultStatus": "accepted"}}.',
    ),
  ];
}

import type { Plan, Subsection } from "../model/types.js";
import { normalizeKey } from "../schema/field-spec.js";
import { headingMarkdown, plainListMarkdown } from "./markdown-fragment.js";

/** Risk statuses that no longer need watching. */
const SETTLED_RISKS = new Set(["mitigated", "closed"]);
/** Words of a priority's Status line that mean it is finished. */
const FINISHED = /\b(done|complete|completed|finished|closed|merged|resolved|cancell?ed|dropped)\b|✅/i;

/** True when a priority of a session log is still open: it has no Status line, or one that does not say it is finished. */
function isOpenPriority(priority: Subsection): boolean {
  const status = priority.fields.find((f) => normalizeKey(f.key) === "status")?.value ?? "";
  return !FINISHED.test(status);
}

/**
 * The sections that pre-fill a new session log: the open priorities of the latest session up to `today`, verbatim, and the
 * ids of the risks not yet mitigated or closed.
 */
export function sessionCarryOver(plan: Plan, today: string): { bodies: Record<string, string>; from?: string; priorities: number; risks: number } {
  const last = plan.sessions.filter((s) => s.date <= today).at(-1);
  const open = last ? last.nextPriorities.filter(isOpenPriority) : [];
  const risks = plan.risks.filter((r) => !SETTLED_RISKS.has(r.status)).map((r) => r.id);
  const bodies: Record<string, string> = {
    next_priorities: open.map((p) => `${headingMarkdown(3, p.title)}${p.body === "" ? "" : `\n\n${p.body.replace(/\r\n/g, "\n").replace(/\s+$/, "")}`}`).join("\n\n"),
    risks: plainListMarkdown(risks),
  };
  const result: { bodies: Record<string, string>; from?: string; priorities: number; risks: number } = { bodies, priorities: open.length, risks: risks.length };
  if (last) result.from = `${last.date}-${last.slug}`;
  return result;
}

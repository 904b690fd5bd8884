import { readPlanForWrite, type PlanForWrite } from "../../io/write-record.js";
import type { SessionSnapshot } from "../../model/types.js";
import { renderContext } from "../../render/views/render-context.js";
import { planSnapshot } from "../../render/views/plan-snapshot.js";
import { computeSchedule } from "../../schedule/index.js";
import { sessionCarryOver } from "../../writeback/session-log.js";
import { writeSnapshot } from "../../writeback/session-snapshot-edit.js";
import type { CommandContext } from "../context.js";
import type { ExitCode } from "../exit-codes.js";
import type { WriteOptions } from "./apply-changes.js";
import { dateOption, writeNewRecord } from "./create-record.js";
import { plural } from "../../diagnostics/plural.js";

/** The title of a session log when none is given. */
const DEFAULT_SESSION_TITLE = "Progress";

/** The plan as it stands on `date`, in the tables a session record freezes. */
export function snapshotOf(read: PlanForWrite, date: string): Required<SessionSnapshot> {
  const { schedule } = computeSchedule(read.plan);
  return planSnapshot(renderContext(read.plan, schedule), date);
}

/**
 * `paraplan session new [title]`: today's session log, pre-filled with the last session's open priorities and the open
 * risks, and carrying the plan as it stands (figures, workstreams, waves, ADR and risk statuses) so its log never changes
 * when the plan does.
 */
export async function sessionNew(context: CommandContext, title: string | undefined, options: WriteOptions & { date?: string }, today: () => string): Promise<ExitCode> {
  const read = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
  const date = dateOption(options.date, today);
  const carry = sessionCarryOver(read.plan, date);
  const priorities = `${carry.priorities} open ${carry.priorities === 1 ? "priority" : "priorities"}`;
  const from = carry.from ? `${priorities} from session ${carry.from}` : "no earlier session";
  const snapshot = snapshotOf(read, date);
  return writeNewRecord(
    context,
    read,
    { kind: "session", title: title ?? DEFAULT_SESSION_TITLE, fields: [], today: date, bodies: carry.bodies },
    options,
    [`${from}; ${plural(carry.risks, "open risk")}`, "snapshot of the plan: figures, workstreams, waves, ADR and risk statuses"],
    (text) => writeSnapshot(text, new Map(), snapshot),
  );
}

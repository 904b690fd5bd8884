import { readPlanForWrite } from "../../io/write-record.js";
import { sessionCarryOver } from "../../writeback/session-log.js";
import type { CommandContext } from "../context.js";
import type { ExitCode } from "../exit-codes.js";
import type { WriteOptions } from "./apply-changes.js";
import { dateOption, writeNewRecord } from "./create-record.js";

/** The title of a session log when none is given. */
export const DEFAULT_SESSION_TITLE = "Progress";

/** `paraplan session new [title]`: today's session log, pre-filled with the last session's open priorities and the open risks. */
export async function sessionNew(context: CommandContext, title: string | undefined, options: WriteOptions & { date?: string }, today: () => string): Promise<ExitCode> {
  const snapshot = await readPlanForWrite(context.planDir, context.root);
  const date = dateOption(options.date, today);
  const carry = sessionCarryOver(snapshot.plan, date);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const priorities = `${carry.priorities} open ${carry.priorities === 1 ? "priority" : "priorities"}`;
  const from = carry.from ? `${priorities} from session ${carry.from}` : "no earlier session";
  return writeNewRecord(context, snapshot, { kind: "session", title: title ?? DEFAULT_SESSION_TITLE, fields: [], today: date, bodies: carry.bodies }, options, [`${from}; ${plural(carry.risks, "open risk")}`]);
}

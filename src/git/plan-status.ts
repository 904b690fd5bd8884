/**
 * `paraplan status`: one row per workstream from the execution model, git and each worktree's `progress.md`. The
 * shape of a row is the `--json` output's (documented in the README); keep it stable.
 */
import type { Plan } from "../model/types.js";
import type { ExecutionModel, WorkstreamExecution } from "../schedule/types.js";
import { branchFacts, firstExisting, readBranchIndex, type BranchFacts } from "./branch-status.js";
import { checkSchedule, type ScheduleCheck } from "./on-schedule.js";
import { listWorktrees, type Repository } from "./repository.js";
import { locateAll } from "./create-worktrees.js";
import { workingDayOf } from "../render/views/figures.js";
import { mapConcurrently } from "../io/concurrently.js";
import type { Delivery } from "../model/delivery-record.js";
import { promptStamp } from "./record-delivery.js";

/** Rows read at once. */
const GIT_PARALLEL = 8;

/** How the prompt in a worktree compares with what the plan renders now. */
export type PromptState = "current" | "out of date" | "missing" | "no worktree";

/** One workstream's row: what git says of its branch and worktree (`BranchFacts`), and what the plan says. */
export interface StatusRow extends Omit<BranchFacts, "worktree" | "prompt"> {
  id: string;
  /** Its status in the plan. */
  status: string;
  wave: number | null;
  branch: string;
  worktree: { path: string | null; present: boolean; branch: string | null; refused: string | null };
  schedule: ScheduleCheck;
  prompt: PromptState;
  /** Its agent's last delivery (`paraplan prompt --mark-delivered`, or `worktrees` writing PROMPT.md); null when none is recorded. */
  delivered: Delivery | null;
  canStartNow: boolean;
  waitsFor: string[];
}

/** The whole plan's status: `paraplan status --json`. */
export interface PlanStatus {
  /** The shape's version: a field removed or changed in meaning raises it. */
  version: 1;
  /** Today (YYYY-MM-DD) and its working day (null without a `start_date`). */
  today: string;
  day: number | null;
  /** The main checkout. */
  repository: string;
  canStartNow: string[];
  workstreams: StatusRow[];
}

/**
 * How the prompt the agent has compares with the one rendered now (undefined: the plan cannot render it): the
 * worktree's PROMPT.md when there is one, else the prompt last delivered, by its version stamp.
 */
export function promptState(present: boolean, inWorktree: string | undefined, rendered: string | undefined, delivered?: Delivery | null): PromptState {
  if (present && inWorktree !== undefined) return rendered === undefined || inWorktree === rendered ? "current" : "out of date";
  if (delivered && rendered !== undefined) return delivered.prompt === promptStamp(rendered) ? "current" : "out of date";
  return present ? "missing" : "no worktree";
}

/** Builds a row from the workstream's execution and its git facts. */
export function statusRow(
  ws: WorkstreamExecution,
  facts: BranchFacts,
  where: { path: string | null; refused: string | null },
  extra: { rendered: string | undefined; startDate: string | undefined; today: string; delivered?: Delivery | null },
): StatusRow {
  const started = (facts.ahead ?? 0) > 0 || (facts.uncommitted ?? 0) > 0 || ws.status !== "planned";
  const finished = ws.status === "done" || ws.status === "merged";
  return {
    id: ws.id,
    status: ws.status,
    wave: ws.wave,
    branch: ws.branch,
    branchExists: facts.branchExists,
    worktree: { path: where.path, present: facts.worktree.present, branch: facts.worktree.branch, refused: where.refused },
    base: facts.base,
    ahead: facts.ahead,
    target: facts.target,
    behind: facts.behind,
    uncommitted: facts.uncommitted,
    lastCommit: facts.lastCommit,
    progress: facts.progress,
    schedule: checkSchedule({ startDate: extra.startDate, today: extra.today }, { start: ws.start, finish: ws.finish, started, finished }),
    prompt: promptState(facts.worktree.present, facts.prompt, extra.rendered, extra.delivered),
    delivered: extra.delivered ?? null,
    canStartNow: ws.canStartNow,
    waitsFor: ws.waitsFor,
  };
}

/** Reads every workstream's status (a few git commands each, run side by side); never fetches, never writes. */
export async function planStatus(
  repo: Repository,
  plan: Plan,
  execution: ExecutionModel,
  prompts: ReadonlyMap<string, string>,
  today: string,
  deliveries: Readonly<Record<string, Delivery>> = {},
): Promise<PlanStatus> {
  const where = { mainTop: repo.mainTop, commonDir: repo.commonDir, pattern: plan.project.worktreePattern };
  const [targets, worktrees, branches] = await Promise.all([locateAll(where, execution.workstreams), listWorktrees(repo.mainTop), readBranchIndex(repo.mainTop)]);
  const waveOf = new Map(execution.waves.map((w) => [w.number, w]));
  // Before its wave's integration branch exists, a workstream merges into what that branch will be made from.
  const candidates = (ws: WorkstreamExecution) => [ws.into, ws.wave === null ? null : (waveOf.get(ws.wave)?.from ?? null), execution.baseBranch];
  // Each candidate is looked up once for the whole plan: most rows share them.
  const known = new Map<string, boolean>();
  for (const ref of new Set(execution.workstreams.flatMap(candidates))) if (ref) known.set(ref, (await firstExisting(repo.mainTop, [ref], branches)) !== null);
  const targetOf = (ws: WorkstreamExecution) => candidates(ws).find((ref) => ref && known.get(ref)) ?? null;
  // A few git commands a row, a few rows at a time: side by side, without starting hundreds of processes at once.
  const rows = await mapConcurrently(targets, GIT_PARALLEL, async ({ execution: ws, location }) => {
    const path = "path" in location ? location.path : undefined;
    const facts = await branchFacts(repo.mainTop, { branch: ws.branch, base: ws.base.ref, target: targetOf(ws) }, path, worktrees, branches);
    return statusRow(
      ws,
      facts,
      { path: path ?? null, refused: "refused" in location ? location.refused : null },
      { rendered: prompts.get(ws.id), startDate: plan.project.startDate, today, delivered: deliveries[ws.id] ?? null },
    );
  });
  const day = plan.project.startDate ? workingDayOf(plan.project.startDate, today) : null;
  return { version: 1, today, day, repository: repo.mainTop, canStartNow: execution.canStartNow, workstreams: rows };
}

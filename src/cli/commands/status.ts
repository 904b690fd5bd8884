import { planStatus, type PlanStatus, type StatusRow } from "../../git/plan-status.js";
import { readDeliveryRecord } from "../../git/record-delivery.js";
import { plural } from "../../diagnostics/plural.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { openPlanRepository } from "../plan-repository.js";
import { terminalTable } from "../terminal-table.js";

/** How often `--watch` looks again. */
const WATCH_MS = 2000;

/** A subject cut to fit a column. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `3` or `3-4`. */
function days(r: { low: number; high: number }): string {
  return r.low === r.high ? String(r.low) : `${r.low}-${r.high}`;
}

/** One row of the table. */
function cells(context: CommandContext, row: StatusRow): string[] {
  const worktree = row.worktree.refused ? "refused" : !row.worktree.present ? "no" : row.worktree.branch === row.branch ? "yes" : `on ${row.worktree.branch ?? "detached HEAD"}`;
  const branch = row.branchExists ? row.branch : `(${row.branch})`;
  const counts = row.ahead === null && row.behind === null ? "—" : `+${row.ahead ?? "?"} -${row.behind ?? "?"}`;
  const last = row.lastCommit ? `${row.lastCommit.time.slice(0, 16).replace("T", " ")} ${cut(row.lastCommit.subject, 40)}` : "—";
  const progress = row.progress ? [row.progress.status ?? "", row.progress.blockers ? `blockers: ${row.progress.blockers}` : ""].filter(Boolean).join("; ") || "(no Status line)" : "—";
  const plan = `${row.schedule.state} (days ${days(row.schedule.start)}..${days(row.schedule.finish)})`;
  const prompt = row.prompt === "no worktree" ? "—" : row.prompt === "out of date" ? context.paint.yellow("OUT OF DATE") : row.prompt;
  return [row.id, row.status, worktree, branch, counts, row.uncommitted === null ? "—" : String(row.uncommitted), last, cut(progress, 50), plan, prompt];
}

/** The table, and what can start now. */
export function statusText(context: CommandContext, status: PlanStatus): string {
  const headers = ["ID", "Plan", "Worktree", "Branch", "Ahead/behind", "Dirty", "Last commit", "progress.md", "Schedule", "Prompt"];
  const table = terminalTable(
    headers,
    status.workstreams.map((r) => cells(context, r)),
    context.paint.bold,
  );
  const day = status.day === null ? `${status.today} (no start_date: days unknown)` : `${status.today}, day ${status.day}`;
  const lines = [`${shown(context, status.repository)}: ${day}`, table.trimEnd()];
  const ready = status.workstreams.filter((r) => r.canStartNow);
  if (ready.length > 0) {
    const noTree = ready.filter((r) => !r.worktree.present).map((r) => r.id);
    lines.push(`can start now: ${ready.map((r) => r.id).join(", ")}${noTree.length > 0 ? ` (no worktree yet: paraplan worktrees ${noTree.join(" ")})` : ""}`);
  }
  // "since" names the plan's revision the agent's prompt was delivered at, when that was recorded.
  const stale = status.workstreams
    .filter((r) => r.prompt === "out of date")
    .map((r) => (r.delivered?.commit ? `${r.id} (since ${r.delivered.commit.slice(0, 7)}${r.delivered.dirty ? " with uncommitted plan changes" : ""})` : r.id));
  if (stale.length > 0) lines.push(`${plural(stale.length, "prompt")} out of date (the plan changed since it was written or delivered): ${stale.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Reads the whole plan's status once. */
async function readStatus(context: CommandContext, today: string, quiet: boolean): Promise<PlanStatus> {
  const { loaded, repo } = await openPlanRepository(context, [], { strict: false, quiet });
  // A delivery record that cannot be read leaves the prompts compared by their worktree files only.
  const deliveries = await readDeliveryRecord(context.planDir).then(
    ({ record }) => record.workstreams,
    (error: Error) => {
      if (!quiet) context.stderr(`${error.message}\n`);
      return {};
    },
  );
  return planStatus(repo, loaded.plan, loaded.schedule.execution, loaded.prompts, today, deliveries);
}

/** `paraplan status [--json] [--watch]`: every workstream's branch, worktree, progress and prompt, from git; never fetches. */
export async function status(context: CommandContext, options: { json: boolean; watch: boolean; today?: string }, today: () => string, stop: Promise<void>): Promise<ExitCode> {
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new CliError(`--today takes a date YYYY-MM-DD, not ${JSON.stringify(options.today)}`, EXIT.usage);
  let first = true;
  const render = async () => {
    // The plan's errors are printed with the first table; a watch does not repeat them every two seconds.
    const result = await readStatus(context, options.today ?? today(), !first);
    first = false;
    return options.json ? `${JSON.stringify(result, null, 2)}\n` : statusText(context, result);
  };
  let last = await render();
  context.stdout(last);
  if (!options.watch) return EXIT.ok;
  let stopped = false;
  void stop.then(() => (stopped = true));
  while (!stopped) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([stop, new Promise((resolve) => (timer = setTimeout(resolve, WATCH_MS)))]);
    clearTimeout(timer);
    if (stopped) break;
    try {
      const next = await render();
      // Printed again only when something changed: a terminal left open stays readable.
      if (next !== last) context.stdout(next);
      last = next;
    } catch (error) {
      context.stderr(`status failed: ${(error as Error).message}; trying again\n`);
    }
  }
  return EXIT.ok;
}

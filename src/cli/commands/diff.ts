import { comparePlanRevisions, sideHasErrors, type PlanSide } from "../../git/plan-revisions.js";
import { diffIsEmpty } from "../../schedule/plan-diff.js";
import { diffMarkdown, diffReport, diffText } from "../../render/plan-diff-report.js";
import type { CommandContext } from "../context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/** How `diff` prints. */
export type DiffFormat = "text" | "markdown" | "json";

/** The version of `diff --format json`'s shape: raised when a field changes meaning or goes. */
export const DIFF_JSON_VERSION = 1;

/** Notes on stderr that a side has errors: its diff compares what could be read. */
function warnErrors(context: CommandContext, side: PlanSide): void {
  if (!sideHasErrors(side)) return;
  const count = side.diagnostics.filter((d) => d.severity === "error").length;
  context.stderr(`the plan at ${side.label} has ${count} error${count === 1 ? "" : "s"} (\`paraplan validate\` lists them): the diff compares what could be read\n`);
}

/**
 * `paraplan diff [REV] [REV2]`: what a plan change means between two git revisions of the plan (default HEAD
 * against the working tree): records, fields, file owners, schedule, conflicts and prompts. Exit 0 either way.
 */
export async function diff(context: CommandContext, from: string | undefined, to: string | undefined, options: { format: DiffFormat }): Promise<ExitCode> {
  const compared = await comparePlanRevisions(context, from ?? "HEAD", to);
  const { before, after } = compared;
  warnErrors(context, before);
  warnErrors(context, after);
  // A revision written as a commit id is shown short; a name (HEAD, main) with its commit.
  const name = (side: PlanSide) => (!side.commit ? side.label : side.commit.startsWith(side.label) ? side.commit.slice(0, 7) : `${side.label} (${side.commit.slice(0, 7)})`);
  const labels = { from: name(before), to: name(after) };
  if (options.format === "json") {
    const shape = {
      version: DIFF_JSON_VERSION,
      from: { revision: before.label, commit: before.commit ?? null },
      to: { revision: after.label, commit: after.commit ?? null, dirty: compared.dirty },
      empty: diffIsEmpty(compared.diff),
      ...compared.diff,
    };
    context.stdout(`${JSON.stringify(shape, null, 2)}\n`);
    return EXIT.ok;
  }
  const report = diffReport(compared.diff, labels);
  context.stdout(options.format === "markdown" ? diffMarkdown(report) : diffText(report));
  return EXIT.ok;
}

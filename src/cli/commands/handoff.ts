import path from "node:path";
import { comparePlanRevisions } from "../../git/plan-revisions.js";
import { locatePlan } from "../../git/plan-at-revision.js";
import { readDeliveryRecord } from "../../git/record-delivery.js";
import { readBranchState } from "../../git/workstream-branch.js";
import { loadProject } from "../../io/build.js";
import { loadTemplates } from "../../io/load-templates.js";
import { parseProgressProtocol } from "../../git/progress-file.js";
import { findById, unknownId } from "../../model/find-by-id.js";
import { createRenderer } from "../../render/renderer.js";
import { renderAmendment } from "../../render/render-amendment.js";
import { renderHandoff } from "../../render/render-handoff.js";
import { amendmentFor } from "../../schedule/amendment.js";
import { handoffFor } from "../../schedule/handoff.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** An amendment's sections, one heading level down, to sit inside the hand-off under its own heading. */
function amendmentSections(text: string): string {
  const first = text.indexOf("\n## ");
  const body = first === -1 ? "" : text.slice(first + 1);
  return body.replace(/^## /gm, "### ").trimEnd();
}

/**
 * `paraplan handoff <ID>`: the opening prompt for a fresh session taking a workstream over from a stopped one: its
 * prompt in short, its deliverables against the branch, the branch's commits and diff stat against its base, the last
 * progress.md, and what changed in the plan since the old session's prompt was delivered.
 */
export async function handoff(context: CommandContext, id: string): Promise<ExitCode> {
  const analysed = await loadProject(context);
  const all = analysed.plan.workstreams;
  const ws = findById(all, id);
  if (!ws) {
    const unknown = unknownId(
      "workstream",
      id,
      all.map((w) => w.id),
    );
    throw new CliError(unknown.message, EXIT.usage, unknown.hint);
  }
  const where = await locatePlan(context.planDir, context.root);
  const execution = analysed.schedule.execution.workstreams.find((e) => e.id === ws.id);
  const base = execution?.base.ref ?? analysed.schedule.execution.baseRef;
  const branch = await readBranchState(where.repository.top, base, ws.branch, path.resolve(where.repository.mainTop, ws.worktree));
  const progress = branch.progress === null ? null : parseProgressProtocol(branch.progress);
  const renderer = createRenderer(await loadTemplates(context.templatesDir, context.root));
  // What changed since the old session got its prompt: the amendment since its recorded delivery.
  const { record } = await readDeliveryRecord(context.planDir);
  const delivered = record.workstreams[ws.id];
  let changes: { since: string; text: string } | null = null;
  if (delivered?.commit) {
    const compared = await comparePlanRevisions(context, delivered.commit, undefined);
    const since = delivered.commit.slice(0, 7);
    const amendment = amendmentFor(compared.diff, compared.before, compared.after, ws.id, since);
    changes = { since, text: amendment && !amendment.empty ? amendmentSections(renderAmendment(renderer, amendment)) : "" };
  }
  context.stdout(renderHandoff(renderer, handoffFor(analysed, ws, branch, progress), changes));
  return EXIT.ok;
}

import { FILE_START, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatGithub } from "../../diagnostics/format.js";
import { printable } from "../../diagnostics/printable.js";
import { auditBranches, type AuditFinding, type AuditReport } from "../../git/audit.js";
import { readBranchState } from "../../git/branch-state.js";
import { listWorktrees } from "../../git/repository.js";
import { auditSarif, ruleId } from "../../git/sarif.js";
import { VERSION } from "../../version.js";
import { plural } from "../../diagnostics/plural.js";
import { shown, type CommandContext } from "../context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { openPlanRepository } from "../plan-repository.js";

export type AuditFormat = "text" | "json" | "github" | "sarif";

/**
 * `paraplan audit [ID…]`: each workstream branch's real changes against its `owns` / `touches`. Exit 1 when a branch
 * changes a file another workstream owns (or the plan has errors), 0 otherwise; undeclared and untouched files are
 * reported without failing.
 */
export async function audit(context: CommandContext, ids: readonly string[], options: { format: AuditFormat }): Promise<ExitCode> {
  const { loaded, repo, selected: chosen } = await openPlanRepository(context, ids, { strict: true, prompts: false });
  const { plan, schedule } = loaded;
  const execution = schedule.execution;
  const worktrees = await listWorktrees(repo.top);
  const states = [];
  for (const exec of chosen) states.push(await readBranchState(repo.top, exec, worktrees, execution.baseRef === execution.baseBranch ? execution.baseBranch : execution.baseRef));
  const report = auditBranches(plan.workstreams, states);

  if (options.format === "json") context.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === "sarif") context.stdout(`${JSON.stringify(auditSarif(report, VERSION), null, 2)}\n`);
  else if (options.format === "github") context.stdout(formatGithub(report.workstreams.flatMap((w) => w.findings.map(asDiagnostic))));
  else context.stdout(auditText(report, context));
  return report.summary.trespass > 0 ? EXIT.invalid : EXIT.ok;
}

/** A finding as a diagnostic on its file, for GitHub's workflow commands. */
function asDiagnostic(f: AuditFinding): Diagnostic {
  const severity = f.kind === "trespass" ? "error" : f.kind === "undeclared" ? "warning" : "info";
  const d: Diagnostic = { file: f.file, ...FILE_START, code: ruleId(f.kind), severity, message: f.message };
  if (f.fixes.length > 0) d.hint = `fix: ${f.fixes.join(" — or: ")}`;
  return d;
}

/** The audit for a person: a block per workstream, then the counts. */
function auditText(report: AuditReport, context: CommandContext): string {
  const { red, yellow, cyan, dim, bold } = context.paint;
  const lines: string[] = [];
  for (const w of report.workstreams) {
    const head = `${bold(w.id)} ${printable(w.branch)}`;
    if (!w.exists) {
      lines.push(`${head}: ${dim("branch does not exist yet")}`);
      continue;
    }
    if (w.problem !== null) {
      lines.push(`${head}: ${yellow("not audited")}: ${printable(w.problem)}`);
      continue;
    }
    const uncommitted = w.worktree !== null ? `, ${plural(w.uncommitted, "uncommitted change")} in ${printable(shown(context, w.worktree))}` : "";
    lines.push(`${head} (since ${printable(w.base)}): ${plural(w.files.length, "file")} changed${uncommitted}`);
    for (const f of w.findings) {
      const label = f.kind === "trespass" ? red("trespass") : f.kind === "undeclared" ? yellow("undeclared") : cyan("untouched");
      const where = f.where === "uncommitted" ? dim(" (uncommitted)") : "";
      lines.push(`  ${label} ${printable(f.message)}${where}`);
      f.fixes.forEach((fix, k) => lines.push(`    ${dim(k === 0 ? "fix:" : "or: ")} ${printable(fix)}`));
    }
  }
  const s = report.summary;
  const missing = s.missingBranches > 0 ? `; ${plural(s.missingBranches, "branch", "branches")} not created yet` : "";
  lines.push("", `${plural(s.trespass, "trespass", "trespasses")}, ${plural(s.undeclared, "undeclared file")}, ${plural(s.untouched, "declared entry", "declared entries")} untouched${missing}`);
  return `${lines.join("\n")}\n`;
}

import { FILE_START, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatGithub } from "../../diagnostics/format.js";
import { printable } from "../../diagnostics/printable.js";
import { auditBranches, type AuditFinding, type AuditReport } from "../../git/audit.js";
import { readBranchState } from "../../git/branch-state.js";
import { listWorktrees } from "../../git/repository.js";
import { auditSarif, ruleId } from "../../git/sarif.js";
import { VERSION } from "../../version.js";
import path from "node:path";
import { loadProject } from "../../io/build.js";
import { findRepository } from "../../git/repository.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { printDiagnostics } from "../shown-diagnostics.js";

/** `1 trespass`, `2 trespasses`: a count with its word, irregular plurals given. */
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export type AuditFormat = "text" | "json" | "github" | "sarif";

/**
 * `paraplan audit [ID…]`: each workstream branch's real changes against its `owns` / `touches`. Exit 1 when a branch
 * changes a file another workstream owns (or the plan has errors), 0 otherwise; undeclared and untouched files are
 * reported without failing.
 */
export async function audit(context: CommandContext, ids: readonly string[], options: { format: AuditFormat }): Promise<ExitCode> {
  const { plan, schedule, diagnostics } = await loadProject(context);
  if (hasErrors(diagnostics)) {
    context.stderr(printDiagnostics(context, diagnostics));
    context.stderr("the plan has errors: fix them before auditing the branches\n");
    return EXIT.invalid;
  }
  const execution = schedule.execution;
  const unknown = ids.filter((id) => !execution.workstreams.some((w) => w.id === id));
  if (unknown.length > 0) {
    throw new CliError(
      `unknown workstream ${unknown.join(", ")}, expected one of: ${execution.workstreams.map((w) => w.id).join(", ")}`,
      EXIT.usage,
      "Name workstreams by id, as `paraplan list workstreams` shows them.",
    );
  }
  const folder = path.resolve(context.root, plan.project.repository);
  const repo = await findRepository(folder);
  if (!repo)
    throw new CliError(
      `${shown(context, folder)} is in no git repository (the project's \`repository\`)`,
      EXIT.usage,
      "Run paraplan inside the repository the plan is for, or set `repository` in project.md.",
    );
  const worktrees = await listWorktrees(repo.top);
  const chosen = execution.workstreams.filter((w) => ids.length === 0 || ids.includes(w.id));
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

/**
 * The ownership audit, pure: a workstream's real changes against what the plan declares. A file it changed that it
 * does not declare is a trespass when another workstream owns it, and undeclared otherwise; a file (or glob) it
 * declares and never changed is noted. Patterns are matched as the schedule matches them (`ruleCovers` of
 * file-patterns.ts: literal paths, picomatch globs with dotfiles, `dir/` for everything under it).
 */
import type { Workstream } from "../model/types.js";
import { normalizePattern, ruleCovers } from "../schedule/file-patterns.js";
import { quote } from "../render/views/shell-command.js";
import type { FileChange } from "./branch-changes.js";

/** One workstream's branch as git has it: not created yet, or its changes since its base. */
export interface BranchState {
  id: string;
  branch: string;
  /** The ref its changes are measured from (the execution model's base, or the project's base when that is missing). */
  base: string;
  /** Whether the branch exists. */
  exists: boolean;
  /** Its committed changes since the merge base, and what is uncommitted in its worktree. */
  changes: FileChange[];
  /** The worktree that has the branch checked out, when one does. */
  worktree?: string;
  /** Why the changes could not be measured (no base, unrelated histories), when they could not. */
  problem?: string;
}

export type FindingKind = "trespass" | "undeclared" | "untouched";

/** One result of the audit. */
export interface AuditFinding {
  kind: FindingKind;
  /** The workstream whose branch it concerns. */
  workstream: string;
  /** The repository-relative file (for `untouched`, the declared entry as written). */
  file: string;
  /** For a trespass: the workstreams that own the file. */
  owners: string[];
  /** For an undeclared file: other workstreams that list it in `touches`. */
  touchedBy: string[];
  /** For `untouched`: whether it is declared in owns or touches. */
  declaredAs?: "owns" | "touches";
  /** Where the change is: committed on the branch, only in the worktree, or both. */
  where?: "committed" | "uncommitted" | "both";
  message: string;
  /** Commands that would make the plan say what the branch does (quoted for a POSIX shell). */
  fixes: string[];
}

/** The audit of one workstream. */
export interface WorkstreamAudit {
  id: string;
  branch: string;
  base: string;
  exists: boolean;
  worktree: string | null;
  problem: string | null;
  committed: number;
  uncommitted: number;
  /** Every changed path, renames counted with both paths. */
  files: string[];
  findings: AuditFinding[];
}

/** The whole audit: each audited workstream and the counts by kind. */
export interface AuditReport {
  workstreams: WorkstreamAudit[];
  summary: { trespass: number; undeclared: number; untouched: number; missingBranches: number };
}

interface Declared {
  id: string;
  owns: string[];
  touches: string[];
  ownsWritten: string[];
  touchesWritten: string[];
}

const declared = (ws: Workstream): Declared => {
  const written = (refs: readonly { pattern: string }[]) => refs.map((r) => r.pattern).filter((p) => normalizePattern(p) !== "");
  const ownsWritten = written(ws.owns);
  const touchesWritten = written(ws.touches);
  return { id: ws.id, owns: ownsWritten.map(normalizePattern), touches: touchesWritten.map(normalizePattern), ownsWritten, touchesWritten };
};

const covers = (patterns: readonly string[], file: string) => patterns.some((p) => ruleCovers(p, file));

/** Audits each branch against the plan's declarations (`workstreams`: every workstream of the plan, for ownership). */
export function auditBranches(workstreams: readonly Workstream[], branches: readonly BranchState[]): AuditReport {
  const all = workstreams.map(declared);
  const byId = new Map(all.map((d) => [d.id, d]));
  const audits = branches.map((b) => auditOne(b, byId.get(b.id) ?? { id: b.id, owns: [], touches: [], ownsWritten: [], touchesWritten: [] }, all));
  const count = (kind: FindingKind) => audits.reduce((n, a) => n + a.findings.filter((f) => f.kind === kind).length, 0);
  return { workstreams: audits, summary: { trespass: count("trespass"), undeclared: count("undeclared"), untouched: count("untouched"), missingBranches: audits.filter((a) => !a.exists).length } };
}

function auditOne(branch: BranchState, own: Declared, all: readonly Declared[]): WorkstreamAudit {
  const where = new Map<string, "committed" | "uncommitted" | "both">();
  for (const c of branch.changes) {
    for (const p of c.from !== undefined ? [c.path, c.from] : [c.path]) {
      const before = where.get(p);
      where.set(p, before === undefined || before === c.where ? c.where : "both");
    }
  }
  const files = [...where.keys()].sort();
  const findings: AuditFinding[] = [];
  for (const file of files) {
    if (covers(own.owns, file) || covers(own.touches, file)) continue;
    const owners = all.filter((d) => d.id !== own.id && covers(d.owns, file)).map((d) => d.id);
    const touchedBy = all.filter((d) => d.id !== own.id && !owners.includes(d.id) && covers(d.touches, file)).map((d) => d.id);
    const at = where.get(file)!;
    const add = (field: "touches" | "owns") => quote(["paraplan", "add", own.id, field, file]);
    if (owners.length > 0) {
      const fixes = [add("touches")];
      // An ownership transfer is possible only where the owner lists this very file; a glob stays with its owner.
      for (const owner of owners) {
        const entry = all.find((d) => d.id === owner)!.ownsWritten.find((p) => normalizePattern(p) === file);
        if (entry !== undefined && owners.length === 1) fixes.push(`${quote(["paraplan", "remove", owner, "owns", entry])} && ${add("owns")}`);
      }
      findings.push({ kind: "trespass", workstream: own.id, file, owners, touchedBy, where: at, message: `${own.id} changed ${file}, owned by ${owners.join(", ")}`, fixes });
    } else {
      const others = touchedBy.length > 0 ? ` (${touchedBy.join(", ")} touches it)` : "";
      findings.push({
        kind: "undeclared",
        workstream: own.id,
        file,
        owners,
        touchedBy,
        where: at,
        message: `${own.id} changed ${file}, which no workstream owns and ${own.id} does not declare${others}`,
        fixes: [add("touches"), add("owns")],
      });
    }
  }
  // A branch with no change at all has not started (or is merged into its base): listing every entry says nothing.
  if (branch.exists && branch.problem === undefined && files.length > 0) {
    const entries: [string, string, "owns" | "touches"][] = [
      ...own.ownsWritten.map((w, k): [string, string, "owns"] => [w, own.owns[k]!, "owns"]),
      ...own.touchesWritten.map((w, k): [string, string, "touches"] => [w, own.touches[k]!, "touches"]),
    ];
    for (const [written, pattern, kind] of entries) {
      if (files.some((f) => ruleCovers(pattern, f))) continue;
      findings.push({
        kind: "untouched",
        workstream: own.id,
        file: written,
        owners: [],
        touchedBy: [],
        declaredAs: kind,
        message: `${own.id} declares ${written} in ${kind} and has not changed it`,
        fixes: [],
      });
    }
  }
  return {
    id: branch.id,
    branch: branch.branch,
    base: branch.base,
    exists: branch.exists,
    worktree: branch.worktree ?? null,
    problem: branch.problem ?? null,
    committed: branch.changes.filter((c) => c.where === "committed").length,
    uncommitted: branch.changes.filter((c) => c.where === "uncommitted").length,
    files,
    findings,
  };
}

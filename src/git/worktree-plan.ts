/**
 * What `paraplan worktrees` would do for each workstream, decided from the execution model and what git already has,
 * without running anything: so that the decision can be tested on its own, and `--dry-run` prints exactly what a real
 * run does.
 */
import path from "node:path";
import type { WorkstreamExecution } from "../schedule/types.js";
import { isWithin } from "../io/inside-folder.js";
import { quote } from "../render/views/shell-command.js";
import type { Worktree } from "./repository.js";

/** Where a workstream's worktree goes, or why it may not go there. */
export type WorktreeLocation = { path: string } | { refused: string };

/** Control characters (a newline, an escape) have no place in a folder name a person reads and git prints. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The folder part of a `worktree_pattern` before its first placeholder: every worktree must stay inside it. */
export function patternFolder(pattern: string): string {
  const segments = pattern.split(/[/\\]/);
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (segment.includes("{")) break;
    fixed.push(segment);
  }
  return fixed.join("/") || ".";
}

/** The repository and the project's pattern: what a worktree path is resolved against and must stay inside. */
export interface WorktreeWhere {
  mainTop: string;
  commonDir: string;
  pattern: string;
}

/** The folder (absolute) the project's `worktree_pattern` puts worktrees in, resolved against the main checkout. */
export function worktreeFolder(where: Pick<WorktreeWhere, "mainTop" | "pattern">): string {
  return path.resolve(where.mainTop, patternFolder(where.pattern));
}

/**
 * A workstream's `worktree` resolved against the main checkout, when it lies strictly inside the folder the project's
 * pattern puts worktrees in and is neither the main checkout, one of its parents, nor inside the git folder: a plan
 * value (`../../etc`, a path with `..` in the middle) never places a worktree anywhere else.
 */
export function locateWorktree(where: WorktreeWhere, worktree: string): WorktreeLocation {
  if (worktree.trim() === "") return { refused: "its worktree path is empty" };
  if (CONTROL.test(worktree)) return { refused: "its worktree path holds a control character" };
  const folder = worktreeFolder(where);
  const target = path.resolve(where.mainTop, worktree);
  if (target === folder || !isWithin(folder, target)) {
    return { refused: `its worktree ${JSON.stringify(worktree)} is not inside ${folder}, the folder the project's worktree_pattern puts worktrees in` };
  }
  if (isWithin(target, where.mainTop)) return { refused: `its worktree ${target} is the main checkout or holds it` };
  if (isWithin(where.commonDir, target)) return { refused: `its worktree ${target} is inside the git folder` };
  return { path: target };
}

/** What git and the disk already hold, as far as the plan's worktrees go. */
export interface WorktreeFacts {
  /** Every worktree of the repository. */
  worktrees: readonly Worktree[];
  /** Local branches that exist, among the workstreams' branches. */
  branches: ReadonlySet<string>;
  /** Refs that name a commit, among the bases and merge-ins. */
  refs: ReadonlySet<string>;
  /** Workstream branches that are no valid branch name. */
  badBranches: ReadonlySet<string>;
  /** Worktree paths that exist on disk (as anything). */
  occupied: ReadonlySet<string>;
}

/** One workstream's step: what is done, or why nothing is. */
export type WorktreeStep =
  | { kind: "create"; id: string; branch: string; path: string; base: string; mergeIn: string[] }
  | { kind: "present"; id: string; branch: string; path: string }
  | { kind: "waiting"; id: string; waitsFor: string[]; missing: string[] }
  | { kind: "merged"; id: string }
  | { kind: "conflict"; id: string; reason: string; hint?: string }
  | { kind: "refused"; id: string; reason: string };

/** A workstream as `worktrees` sees it: its execution and where its worktree goes. */
export interface WorktreeTarget {
  execution: WorkstreamExecution;
  location: WorktreeLocation;
}

/** The step of every target, in order; a path or branch two workstreams share is refused for the later one. */
export function planWorktrees(targets: readonly WorktreeTarget[], facts: WorktreeFacts): WorktreeStep[] {
  const byPath = new Map(facts.worktrees.map((w) => [w.path, w]));
  const byBranch = new Map(facts.worktrees.filter((w) => w.branch !== undefined).map((w) => [w.branch!, w]));
  const pathOwner = new Map<string, string>();
  const branchOwner = new Map<string, string>();
  return targets.map(({ execution: ws, location }): WorktreeStep => {
    const { id, branch } = ws;
    if ("refused" in location) return { kind: "refused", id, reason: location.refused };
    if (facts.badBranches.has(branch)) return { kind: "refused", id, reason: `its branch ${JSON.stringify(branch)} is no valid git branch name` };
    const samePath = pathOwner.get(location.path);
    if (samePath) return { kind: "refused", id, reason: `its worktree ${location.path} is ${samePath}'s too` };
    const sameBranch = branchOwner.get(branch);
    if (sameBranch) return { kind: "refused", id, reason: `its branch ${branch} is ${sameBranch}'s too` };
    pathOwner.set(location.path, id);
    branchOwner.set(branch, id);

    const there = byPath.get(location.path);
    if (there) {
      if (there.branch === branch) return { kind: "present", id, branch, path: location.path };
      const on = there.branch ? `on branch ${there.branch}` : "on a detached HEAD";
      return { kind: "conflict", id, reason: `a worktree at ${location.path} is ${on}, not ${branch}`, hint: "Left as it is: check out the branch in it, or remove it, then run again." };
    }
    const elsewhere = byBranch.get(branch);
    if (elsewhere)
      return {
        kind: "conflict",
        id,
        reason: `its branch ${branch} is checked out in another worktree, ${elsewhere.path}`,
        hint: "Move that worktree (`git worktree move`) or set the workstream's worktree to it.",
      };
    if (ws.status === "merged") return { kind: "merged", id };
    if (facts.occupied.has(location.path)) return { kind: "conflict", id, reason: `${location.path} exists and is no worktree of this repository`, hint: "Move it away, then run again." };
    if (facts.branches.has(branch)) {
      return {
        kind: "conflict",
        id,
        reason: `its branch ${branch} exists without a worktree`,
        hint: `Check it out where the plan puts it: ${quote(["git", "worktree", "add", "--", location.path, branch])}`,
      };
    }
    const needed = [ws.base, ...ws.mergeIn].map((s) => s.ref);
    const missing = needed.filter((ref) => !facts.refs.has(ref));
    if (ws.waitsFor.length > 0 || missing.length > 0) return { kind: "waiting", id, waitsFor: ws.waitsFor, missing };
    return { kind: "create", id, branch, path: location.path, base: ws.base.ref, mergeIn: ws.mergeIn.map((s) => s.ref) };
  });
}

/** The git arguments (run in the main checkout) that create a step's worktree and branch. */
export function worktreeAddArgs(step: Extract<WorktreeStep, { kind: "create" }>): string[] {
  // `--` ends the options: a path or ref from the plan that starts with a dash is a path or a ref.
  return ["worktree", "add", "-b", step.branch, "--", step.path, step.base];
}

/** The git arguments (run in the new worktree) that merge in what the execution model says it needs before work starts. */
export function mergeInArgs(ref: string): string[] {
  return ["merge", "--no-edit", "--", ref];
}

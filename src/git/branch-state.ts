/**
 * Reads each workstream's branch for the audit: whether it exists, its changes since the base the execution model
 * gives it (less what it merged in from its other sources before it started), and what is uncommitted in the
 * worktree that has it checked out.
 */
import type { WorkstreamExecution } from "../schedule/types.js";
import type { BranchState } from "./audit.js";
import { branchCommit, changesBetween, mergeBase, resolveCommit, uncommittedChanges, type FileChange } from "./branch-changes.js";
import type { Worktree } from "./repository.js";

/** The branch state of one workstream in the repository at `top`; `fallbackBase` is used when its own base is not there yet. */
export async function readBranchState(top: string, exec: WorkstreamExecution, worktrees: readonly Worktree[], fallbackBase: string): Promise<BranchState> {
  const tip = await branchCommit(top, exec.branch);
  const worktree = worktrees.find((w) => w.branch === exec.branch && !w.bare && !w.prunable);
  const state: BranchState = { id: exec.id, branch: exec.branch, base: exec.base.ref, exists: tip !== undefined, changes: [] };
  if (worktree) state.worktree = worktree.path;
  if (tip === undefined) return state;
  let baseCommit = await resolveCommit(top, exec.base.ref);
  if (baseCommit === undefined) {
    baseCommit = await resolveCommit(top, fallbackBase);
    state.base = fallbackBase;
  }
  if (baseCommit === undefined) {
    state.problem = `neither its base ${exec.base.ref} nor ${fallbackBase} exists`;
    return state;
  }
  const since = await mergeBase(top, baseCommit, tip);
  if (since === undefined) {
    state.problem = `${exec.branch} and ${state.base} have no common history`;
    return state;
  }
  let committed = await changesBetween(top, since, tip);
  // What it merged in from another source (a same-wave dependency's branch) is that source's work, not its own: a
  // file whose content on the branch is the source's is left out.
  for (const source of exec.mergeIn) {
    const sourceCommit = await resolveCommit(top, source.ref);
    if (sourceCommit === undefined) continue;
    const differs = new Set((await changesBetween(top, sourceCommit, tip)).flatMap(paths));
    committed = committed.filter((c) => paths(c).some((p) => differs.has(p)));
  }
  state.changes = [...committed, ...(worktree ? await uncommittedChanges(worktree.path) : [])];
  return state;
}

const paths = (c: FileChange): string[] => (c.from !== undefined ? [c.path, c.from] : [c.path]);

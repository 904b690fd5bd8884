import { existsSync } from "node:fs";
import path from "node:path";
import { currentBranch, findRepository } from "../git/repository.js";

/** Where the server was started, as git sees it. */
export interface CallingWorktree {
  /** The checkout the server runs in (a linked worktree's folder, or the main checkout): `progress.md` is written here. */
  top: string;
  /** The branch checked out there, which names the calling workstream; undefined on a detached HEAD or outside git. */
  branch?: string;
  /**
   * The folder to look for `plan/` from: the same place in the repository's main checkout, because a worktree's own
   * copy of `plan/` is stale the moment the main checkout's plan changes. Outside git, the folder started in.
   */
  planSearchFrom: string;
  /** True when the folder is inside a git repository. */
  inGit: boolean;
}

/** Finds the checkout, branch and main checkout of the folder the server was started in (`git rev-parse --git-common-dir`). */
export async function findCallingWorktree(cwd: string): Promise<CallingWorktree> {
  const repository = await findRepository(cwd);
  if (!repository) return { top: cwd, planSearchFrom: cwd, inGit: false };
  const branch = await currentBranch(cwd);
  // The same subfolder of the main checkout when it exists there (a plan kept in `docs/plan/`), else its top.
  const inside = path.relative(repository.top, cwd);
  const mirrored = inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? path.join(repository.mainTop, inside) : repository.mainTop;
  const calling: CallingWorktree = { top: repository.top, planSearchFrom: existsSync(mirrored) ? mirrored : repository.mainTop, inGit: true };
  if (branch !== undefined) calling.branch = branch;
  return calling;
}

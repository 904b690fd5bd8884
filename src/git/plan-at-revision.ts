/**
 * The plan as it was at a git revision, read from git's object store (never by checking the revision out) and checked
 * the way every plan is: each file parsed with `parseRecord`, the whole analysed with `analysePlan`.
 */
import { realpath } from "node:fs/promises";
import path from "node:path";
import { RevisionError } from "../diagnostics/errors.js";
import type { PlanSettings } from "../model/plan-settings.js";
import { parseRecord } from "../parse/parse-record.js";
import type { ParsedFile } from "../parse/raw-record.js";
import { analysePlan, type AnalysedPlan } from "../schedule/analyse-plan.js";
import { toPosix } from "../io/posix-path.js";
import { findRepository, type Repository } from "./repository.js";
import { git, gitBytes, runGit } from "./run-git.js";

/** Where the plan folder sits in its repository. */
export interface PlanInRepository {
  repository: Repository;
  /** The plan folder relative to the top of the checkout (POSIX); `.` when it is the top. */
  planPath: string;
  /** The plan folder relative to the project root (its parent), as the model names files: `plan`. */
  shownDir: string;
}

/** The plan of one revision, analysed, with the commit it was read from. */
export interface PlanAtRevision extends AnalysedPlan {
  /** The full commit id. */
  commit: string;
  /** The revision as the user wrote it. */
  revision: string;
}

/** Finds the repository holding the plan folder and the folder's path in it; a plan outside git is a RevisionError. */
export async function locatePlan(planDir: string, root: string): Promise<PlanInRepository> {
  const repository = await findRepository(root);
  if (!repository) throw new RevisionError(`${root} is not in a git repository`, "Comparing revisions of the plan needs git: commit the plan first (git init, git add plan, git commit).");
  const real = await realpath(planDir).catch(() => path.resolve(planDir));
  const top = await realpath(repository.top).catch(() => repository.top);
  const planPath = toPosix(path.relative(top, real)) || ".";
  if (planPath.startsWith("..")) throw new RevisionError(`the plan folder ${planDir} is outside the repository at ${repository.top}`, "Run paraplan from inside the repository that holds the plan.");
  return { repository, planPath, shownDir: toPosix(path.relative(root, planDir)) || "." };
}

/** The full commit id a revision names, or a RevisionError saying it names none. */
export async function resolveCommit(cwd: string, revision: string): Promise<string> {
  if (revision.startsWith("-")) throw new RevisionError(`\`${revision}\` is not a revision`, "Name a commit, branch or tag (HEAD, main, HEAD~2, a commit id).");
  const result = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], { cwd });
  const commit = result.stdout.trim();
  if (result.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit))
    throw new RevisionError(`no commit \`${revision}\` in the repository`, "Name a commit, branch or tag (HEAD, main, HEAD~2, a commit id); `git log --oneline -- plan` lists the plan's commits.");
  return commit;
}

/**
 * Whether the plan's files differ from HEAD in the working tree (changed, added, deleted or untracked plan files). Only
 * what the plan reads counts: the delivery record and other hidden files beside the records do not make it dirty.
 */
export async function planIsDirty(where: PlanInRepository): Promise<boolean> {
  const out = await git(["status", "--porcelain", "-z", "--untracked-files=all", "--", where.planPath], { cwd: where.repository.top });
  const prefix = where.planPath === "." ? "" : `${where.planPath}/`;
  // Entries are "XY path"; a rename's entry is followed by its old path on its own.
  return out
    .split("\0")
    .filter((entry) => entry !== "")
    .map((entry) => (/^[ MADRCU?!]{2} /.test(entry) ? entry.slice(3) : entry))
    .some((file) => file.startsWith(prefix) && isPlanFile(file.slice(prefix.length)));
}

/** Whether a path inside the plan folder is one the plan listing reads (listPlanFiles): `.md`, no hidden or template folder. */
function isPlanFile(relative: string): boolean {
  const parts = relative.split("/");
  if (parts.some((p) => p.startsWith(".") || p === "node_modules" || p === "templates")) return false;
  return /\.md$/i.test(relative);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A blob's bytes as the plan reader takes them: UTF-8 without a byte-order mark; otherwise lossy, and the parser reports it. */
function textOf(bytes: Buffer): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = new TextDecoder().decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads the plan folder's files at `revision` from git's object store and analyses them as every plan is. */
export async function readPlanAt(where: PlanInRepository, revision: string, settings?: PlanSettings): Promise<PlanAtRevision> {
  const cwd = where.repository.top;
  const commit = await resolveCommit(cwd, revision);
  const listing = await git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", where.planPath === "." ? "." : where.planPath], { cwd });
  const entries: { oid: string; relative: string }[] = [];
  const prefix = where.planPath === "." ? "" : `${where.planPath}/`;
  for (const line of listing.split("\0")) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    const [mode, type, oid] = line.slice(0, tab).split(" ");
    const file = line.slice(tab + 1);
    // Symbolic links and submodules are not plan text.
    if (type !== "blob" || mode === "120000" || !oid || !file.startsWith(prefix)) continue;
    const relative = file.slice(prefix.length);
    if (isPlanFile(relative)) entries.push({ oid, relative });
  }
  if (entries.length === 0)
    throw new RevisionError(
      `the plan folder \`${where.planPath}\` has no plan files at \`${revision}\``,
      "Name a revision that has the plan committed: `git log --oneline -- " + where.planPath + "` lists them.",
    );
  entries.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const bytes = await gitBytes(["cat-file", "--batch"], { cwd, input: entries.map((e) => `${e.oid}\n`).join("") });
  const files: ParsedFile[] = [];
  let offset = 0;
  for (const entry of entries) {
    // Each object: "<oid> <type> <size>\n<content>\n".
    const end = bytes.indexOf(0x0a, offset);
    const header = bytes.subarray(offset, end).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (header[1] !== "blob" || !Number.isInteger(size)) throw new RevisionError(`git could not read ${entry.relative} at \`${revision}\``, "Check the repository with `git fsck`.");
    const content = bytes.subarray(end + 1, end + 1 + size);
    offset = end + 1 + size + 1;
    const shown = where.shownDir === "." ? entry.relative : `${where.shownDir}/${entry.relative}`;
    files.push(parseRecord(textOf(content), shown, entry.relative));
  }
  // buildPlan reports each file's own diagnostics.
  const analysed = analysePlan(files, [], { planDir: where.shownDir, settings });
  return { ...analysed, commit, revision };
}

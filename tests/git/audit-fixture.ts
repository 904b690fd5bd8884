// The repositories and plans of the audit and forecast tests (git-fixture.ts serves the worktrees and status tests).
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { putFile } from "../helpers/temp-project.js";

/** Runs real git in a test repository, with an identity and no user configuration, and returns its output. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" },
  });
}

/** A workstream of a test plan, written inline. */
export interface TestWorkstream {
  id: string;
  branch: string;
  owns?: string[];
  touches?: string[];
  dependsOn?: string[];
  /** `wave` or `waves: [...]` (a workstream merged in parts). */
  waves?: number[];
}

const list = (items: readonly string[] = []) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;

/** Writes a plan (project, one agent, the workstreams, a waves table) into `root/plan`. */
export async function writePlan(root: string, workstreams: readonly TestWorkstream[], waves: readonly { number: number; members: string[] }[], gates?: string): Promise<void> {
  await putFile(root, "plan/project.md", "---\nname: demo\nbase_branch: main\n---\n\n# demo\n\n## Summary\n\nA plan for git tests.\n");
  await putFile(root, "plan/agents/developer.md", "---\nid: developer\nname: Developer\n---\n\n# Developer\n\n## Role\n\nYou write code.\n");
  for (const ws of workstreams) {
    const waveLine = ws.waves && ws.waves.length > 1 ? `waves: [${ws.waves.join(", ")}]\n` : "";
    await putFile(
      root,
      `plan/workstreams/${ws.id}-work.md`,
      `---\nid: ${ws.id}\nname: Work ${ws.id}\nagent: developer\ndays: 1\nbranch: ${JSON.stringify(ws.branch)}\ndepends_on: ${list(ws.dependsOn)}\nowns: ${list(ws.owns)}\ntouches: ${list(ws.touches)}\n${waveLine}---\n\n# ${ws.id}: Work ${ws.id}\n\n## Goal\n\nDo ${ws.id}.\n`,
    );
  }
  const rows = waves.map((w) => `| ${w.number} | Wave ${w.number} | | \`integration/wave${w.number}\` | ${w.members.join(", ")} |`);
  await putFile(root, "plan/waves.md", `# Integration Waves\n\n| Wave | Name | Day | Branch | Workstreams |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`);
  if (gates) await putFile(root, "plan/gates.md", gates);
}

/** A new repository on `main` in a temporary folder. */
export async function tempRepo(prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  gitIn(root, "init", "-q", "-b", "main");
  return root;
}

/** Writes files (null deletes) and commits them on the branch checked out. */
export async function commitFiles(root: string, files: Record<string, string | null>, message: string): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    if (text === null) gitIn(root, "rm", "-q", "--", file);
    else {
      await putFile(root, file, text);
      gitIn(root, "add", "--", file);
    }
  }
  gitIn(root, "commit", "-q", "-m", message);
}

/** Makes `branch` from `from` (without a shell: any name git accepts) and checks it out. */
export function checkoutNew(root: string, branch: string, from: string): void {
  gitIn(root, "update-ref", `refs/heads/${branch}`, from);
  gitIn(root, "symbolic-ref", "HEAD", `refs/heads/${branch}`);
  gitIn(root, "reset", "-q", "--hard");
}

/** Every ref with its commit, the index's and HEAD's state and `git status`: what forecast must leave as it was. */
export function repositoryState(root: string): string {
  return [
    gitIn(root, "for-each-ref", "--format=%(refname) %(objectname)"),
    gitIn(root, "rev-parse", "HEAD"),
    gitIn(root, "status", "--porcelain=v1", "-z", "--untracked-files=all"),
    gitIn(root, "ls-files", "-s"),
    gitIn(root, "worktree", "list", "--porcelain"),
  ].join("\n--\n");
}

/** Removes a temporary folder. */
export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

import { execFileSync } from "node:child_process";
import { mkdtemp, realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { putFile } from "../helpers/temp-project.js";

/** Runs git in `cwd` with a fixed identity (tests never read the user's configuration for commits); returns stdout. */
export function gitIn(cwd: string, args: readonly string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
}

/** Whether `git merge-base --is-ancestor a b` holds. */
export function isAncestor(cwd: string, a: string, b: string): boolean {
  try {
    gitIn(cwd, ["merge-base", "--is-ancestor", a, b]);
    return true;
  } catch {
    return false;
  }
}

/** A workstream file of the test plan. */
export function workstream(fields: { id: string; name: string; wave: number; days?: number; depends?: string[]; status?: string; owns?: string; extra?: string; goal?: string }): string {
  const lines = [
    "---",
    `id: ${JSON.stringify(fields.id)}`,
    `name: ${JSON.stringify(fields.name)}`,
    "agent: developer",
    `days: ${fields.days ?? 2}`,
    `wave: ${fields.wave}`,
    `depends_on: [${(fields.depends ?? []).join(", ")}]`,
    `status: ${fields.status ?? "planned"}`,
    `owns: [${fields.owns ?? `src/${fields.id.toLowerCase()}.ts`}]`,
    ...(fields.extra ? [fields.extra] : []),
    "---",
    "",
    `# ${fields.id}: ${fields.name}`,
    "",
    "## Goal",
    "",
    fields.goal ?? `Build ${fields.name}.`,
    "",
  ];
  return lines.join("\n");
}

/** The six workstreams of the test plan over two waves: A, B, C (C needs A, same wave) then D (needs A, B), E (needs D, same wave, and A), F. */
export const SIX = [
  { id: "A", name: "Auth API", wave: 1 },
  { id: "B", name: "Catalog API", wave: 1 },
  { id: "C", name: "Checkout", wave: 1, depends: ["A"], days: 1 },
  { id: "D", name: "Pages", wave: 2, depends: ["A", "B"] },
  { id: "E", name: "Payments", wave: 2, depends: ["D", "A"], days: 1 },
  { id: "F", name: "Docs", wave: 2 },
];

/** Writes a plan of workstreams (worktrees under `../wt/`) into a fresh repository; returns the temp folder and the repository. */
export async function planRepository(prefix: string, workstreams: readonly Parameters<typeof workstream>[0][], waves: string): Promise<{ tmp: string; repo: string }> {
  const tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
  const repo = path.join(tmp, "repo");
  await putFile(
    repo,
    "plan/project.md",
    ["---", "name: shop", "base_branch: main", "worktree_pattern: ../wt/{slug}", "start_date: 2026-11-30", "---", "", "# shop", "", "## Summary", "", "A web shop.", ""].join("\n"),
  );
  await putFile(repo, "plan/agents/developer.md", "---\nid: developer\nname: Developer\n---\n\n# Developer\n\n## Role\n\nYou are a developer.\n");
  await putFile(repo, "plan/waves.md", waves);
  for (const ws of workstreams) await putFile(repo, `plan/workstreams/${ws.id.replace(/[^A-Za-z0-9]/g, "_")}.md`, workstream(ws));
  await putFile(repo, "README.md", "# shop\n");
  await putFile(repo, ".gitignore", ".env\nconf/local.json\n.paraplan-cache/\nout/\n");
  gitIn(tmp, ["init", "-q", "-b", "main", "repo"]);
  gitIn(repo, ["add", "-A"]);
  gitIn(repo, ["commit", "-q", "-m", "the plan"]);
  return { tmp, repo };
}

/** The waves table of the six-workstream plan. */
export const TWO_WAVES = ["# Waves", "", "| Wave | Name | Workstreams |", "| --- | --- | --- |", "| 1 | APIs | A, B, C |", "| 2 | Pages | D, E, F |", ""].join("\n");

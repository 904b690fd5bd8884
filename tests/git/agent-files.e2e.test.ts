import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { gitIn, planRepository, SIX, TWO_WAVES } from "./git-fixture.js";

// With `"agents": {"worktreeFiles": true}`, each new worktree gets the prompt as AGENTS.md and a CLAUDE.md importing it,
// kept out of commits like PROMPT.md; a file the project tracks is never written over.
let tmp: string;
let repo: string;
const wt = (slug: string) => path.join(tmp, "wt", slug);

beforeAll(async () => {
  ({ tmp, repo } = await planRepository("paraplan-agent-files-", SIX, TWO_WAVES));
  await writeFile(path.join(repo, "paraplan.config.json"), `${JSON.stringify({ agents: { worktreeFiles: true } })}\n`);
  gitIn(repo, ["add", "-A"]);
  gitIn(repo, ["commit", "-q", "-m", "opt in to agent files"]);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe("agent files in each worktree", () => {
  it("writes AGENTS.md (the prompt) and CLAUDE.md (its import), excluded from git, and keeps them with the prompt", async () => {
    const r = await runInProcess(["worktrees", "A"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created {2}A .*PROMPT\.md written; AGENTS\.md and CLAUDE\.md written\)/);
    const prompt = await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8");
    expect(await readFile(path.join(wt("auth-api"), "AGENTS.md"), "utf8")).toBe(prompt);
    expect(await readFile(path.join(wt("auth-api"), "CLAUDE.md"), "utf8")).toBe("@AGENTS.md\n");
    expect(gitIn(wt("auth-api"), ["status", "--porcelain"])).toBe("");

    // A plan edit, then --update-prompts: AGENTS.md follows the prompt.
    const file = path.join(repo, "plan", "workstreams", "A.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Build Auth API.", "Build the Auth API, with refresh tokens."));
    expect((await runInProcess(["worktrees", "A", "--update-prompts"], repo)).code).toBe(0);
    expect(await readFile(path.join(wt("auth-api"), "AGENTS.md"), "utf8")).toContain("refresh tokens");
  });

  it("never writes over an AGENTS.md or CLAUDE.md the project tracks, or one written by hand", async () => {
    await writeFile(path.join(repo, "CLAUDE.md"), "# House rules\n");
    gitIn(repo, ["add", "-f", "CLAUDE.md"]); // -f: the first test excluded the name
    gitIn(repo, ["commit", "-q", "-m", "house rules"]);
    const r = await runInProcess(["worktrees", "B"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(path.join(wt("catalog-api"), "CLAUDE.md"), "utf8")).toBe("# House rules\n");
    expect(await readFile(path.join(wt("catalog-api"), "AGENTS.md"), "utf8")).toBe(await readFile(path.join(wt("catalog-api"), "PROMPT.md"), "utf8"));

    // An AGENTS.md edited by hand is the agent's or the person's, not paraplan's: --update-prompts leaves it.
    await writeFile(path.join(wt("auth-api"), "AGENTS.md"), "my own notes\n");
    const file = path.join(repo, "plan", "workstreams", "A.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("refresh tokens", "refresh and revocation"));
    expect((await runInProcess(["worktrees", "A", "--update-prompts"], repo)).code).toBe(0);
    expect(await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8")).toContain("revocation");
    expect(await readFile(path.join(wt("auth-api"), "AGENTS.md"), "utf8")).toBe("my own notes\n");
  });
});

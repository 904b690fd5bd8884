import { execFileSync } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "shell-quote";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { gitIn, planRepository } from "./git-fixture.js";

let tmp: string;
let repo: string;

/** Every path under `dir` whose name mentions `pwned`: what an injected command would have created. */
async function pwned(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  // The names git stores (refs, the worktree's admin folder) and the created worktree itself carry the values as data.
  return entries.filter((e) => path.basename(e).includes("pwned") && !e.split(path.sep).includes(".git") && !e.startsWith(`wt${path.sep}`));
}

const QUOTED_PATH = `../wt/it's "quoted" $(touch pwned-path) \`touch pwned-tick\``;
const INJECTED_BRANCH = "ws/$(touch${IFS}pwned-branch)";

beforeAll(async () => {
  const waves = ["| Wave | Workstreams |", "| --- | --- |", "| 1 | H1, H2, H3, H4, H5, H6 |", ""].join("\n");
  ({ tmp, repo } = await planRepository(
    "paraplan-hostile-",
    [
      // Quotes, spaces, $(…) and backticks in the path, $(…) in the branch: data, never a command.
      { id: "H1", name: "Quoted", wave: 1, extra: `branch: ${JSON.stringify(INJECTED_BRANCH)}\nworktree: ${JSON.stringify(QUOTED_PATH)}` },
      // Out of the pattern's folder, by `..` and by an absolute path.
      { id: "H2", name: "Escape", wave: 1, extra: `worktree: "../wt/../../escape-pwned"` },
      { id: "H3", name: "Absolute", wave: 1, extra: `worktree: ${JSON.stringify(path.join(path.sep, "tmp", "paraplan-pwned-absolute"))}` },
      // A branch that would read as an option, and one that is no branch name at all.
      { id: "H4", name: "Dash", wave: 1, extra: `branch: "--force"` },
      { id: "H5", name: "Spaces", wave: 1, extra: `branch: "ws/$(touch pwned-space)"` },
      // Inside the pattern's folder by name, but through a link that leads out of it.
      { id: "H6", name: "Linked", wave: 1, extra: `worktree: "../wt/link/inner"` },
    ],
    waves,
  ));
  await mkdir(path.join(tmp, "wt"), { recursive: true });
  await mkdir(path.join(tmp, "elsewhere"), { recursive: true });
  await symlink(path.join(tmp, "elsewhere"), path.join(tmp, "wt", "link"));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe("hostile plan values never reach a shell, and never place a worktree outside the pattern's folder", () => {
  it("--dry-run quotes every value: the printed command parses back to the exact arguments", async () => {
    const r = await runInProcess(["worktrees", "--dry-run"], repo);
    const line = r.stdout.split("\n").find((l) => l.startsWith("git ") && l.includes("worktree add"));
    expect(line, r.stdout).toBeDefined();
    const target = path.resolve(repo, QUOTED_PATH);
    const expected = ["git", "-C", repo, "worktree", "add", "-b", INJECTED_BRANCH, "--", target, "main"];
    expect(parse(line!).slice(0, 7)).toEqual(expected.slice(0, 7));
    // A real shell reads the line as these words and runs nothing: printf stands in for git, in an empty folder.
    const sandbox = await mkdtemp(path.join(tmp, "sandbox-"));
    const words = execFileSync("sh", ["-c", `printf '%s\\0' ${line!.slice("git ".length)}`], { cwd: sandbox, encoding: "utf8" });
    expect(["git", ...words.split("\0").slice(0, -1)]).toEqual(expected);
    expect(await readdir(sandbox)).toEqual([]);
    // Only H1 would be created.
    expect(r.stdout.split("\n").filter((l) => l.includes("worktree add"))).toHaveLength(1);
  });

  it("creates the quoted worktree literally, refuses the others, and runs nothing it was given", async () => {
    const r = await runInProcess(["worktrees"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^created {2}H1 /m);
    expect(r.stdout).toMatch(/^refused {2}H2 {2}its worktree .* is not inside .*wt, the folder the project's worktree_pattern puts worktrees in/m);
    expect(r.stdout).toMatch(/^refused {2}H3 {2}its worktree .* is not inside/m);
    expect(r.stdout).toMatch(/^refused {2}H4 {2}its branch "--force" is no valid git branch name/m);
    expect(r.stdout).toMatch(/^refused {2}H5 {2}its branch .* is no valid git branch name/m);
    expect(r.stdout).toMatch(/^refused {2}H6 {2}its worktree .* leads out of .* through a symbolic link/m);

    const created = path.resolve(repo, QUOTED_PATH);
    expect((await lstat(created)).isDirectory()).toBe(true);
    expect(gitIn(created, ["branch", "--show-current"]).trim()).toBe(INJECTED_BRANCH);
    // No command ran: no file named by an injection exists, here or where the tests run.
    expect(await pwned(tmp)).toEqual([]);
    expect(await pwned(process.cwd()).catch(() => [])).toEqual([]);
    await expect(lstat(path.join(tmp, "escape-pwned"))).rejects.toThrow();
    await expect(lstat(path.join(path.sep, "tmp", "paraplan-pwned-absolute"))).rejects.toThrow();
    expect(await readdir(path.join(tmp, "elsewhere"))).toEqual([]);
    expect(gitIn(repo, ["worktree", "list", "--porcelain"]).match(/^worktree /gm)).toHaveLength(2);
  });

  it("status reports a refused path instead of reading it", async () => {
    const r = await runInProcess(["status", "--json", "--today", "2026-12-01"], repo);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { workstreams: { id: string; worktree: { refused: string | null; present: boolean } }[] }).workstreams;
    expect(rows.find((w) => w.id === "H2")!.worktree.refused).toMatch(/is not inside/);
    expect(rows.find((w) => w.id === "H1")!.worktree).toMatchObject({ present: true, refused: null });
  });

  it("worktrees remove never removes outside the pattern's folder", async () => {
    const r = await runInProcess(["worktrees", "remove", "H2", "H3", "H6", "--force"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^refused {2}H2 /m);
    expect(r.stdout).toMatch(/^refused {2}H6 /m);
    expect((await lstat(path.join(tmp, "elsewhere"))).isDirectory()).toBe(true);
  });
});

describe("a base branch that reads as an option", () => {
  it("is looked up as a ref, never passed as an option: every workstream waits for it, and status still reads", async () => {
    const waves = ["| Wave | Workstreams |", "| --- | --- |", "| 1 | A |", ""].join("\n");
    const made = await planRepository("paraplan-hostile-base-", [{ id: "A", name: "Auth API", wave: 1 }], waves);
    try {
      const project = path.join(made.repo, "plan", "project.md");
      await writeFile(project, (await readFile(project, "utf8")).replace("base_branch: main", 'base_branch: "--output=pwned-base"'));
      const r = await runInProcess(["worktrees"], made.repo);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^waiting {2}A {2}for --output=pwned-base \(does not exist yet\)/m);
      const status = await runInProcess(["status", "--json"], made.repo);
      expect(status.code, status.stderr).toBe(0);
      expect((JSON.parse(status.stdout) as { workstreams: { ahead: number | null; target: string | null }[] }).workstreams[0]).toMatchObject({ ahead: null, target: null });
      expect(await pwned(made.tmp)).toEqual([]);
      expect(await pwned(process.cwd())).toEqual([]);
    } finally {
      await rm(made.tmp, { recursive: true, force: true });
    }
  });
});

import { lstat, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { gitIn, isAncestor, planRepository, SIX, TWO_WAVES } from "./git-fixture.js";

let tmp: string;
let repo: string;
const wt = (slug: string) => path.join(tmp, "wt", slug);

/** The worktrees git knows, as `path branch` lines, the main checkout first. */
function worktreeList(): string[] {
  const out = gitIn(repo, ["worktree", "list", "--porcelain"]);
  return out
    .trim()
    .split("\n\n")
    .map((block) => {
      const p = /^worktree (.*)$/m.exec(block)?.[1] ?? "";
      const b = /^branch refs\/heads\/(.*)$/m.exec(block)?.[1] ?? "(detached)";
      return `${p} ${b}`;
    });
}

/** Every file and folder under `dir`, relative, with its modification time: to show a run changed nothing. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const out: string[] = [];
  for (const e of entries.sort()) {
    if (e.split(path.sep).includes(".paraplan-cache")) continue;
    const info = await lstat(path.join(dir, e));
    // A folder's time changes with its entries, which are listed anyway (and paraplan's own cache folder is no change).
    out.push(info.isDirectory() ? e : `${e} ${info.mtimeMs}`);
  }
  return out;
}

/** Sets a workstream's status in its plan file (as `paraplan set` would) and commits nothing. */
async function setStatus(id: string, status: string): Promise<void> {
  const r = await runInProcess(["set", id, "status", status], repo);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  ({ tmp, repo } = await planRepository("paraplan-worktrees-", SIX, TWO_WAVES));
  // Untracked files an agent needs, named in .worktreeinclude; a link out of the repository must never be copied.
  await writeFile(path.join(repo, ".env"), "SECRET=1\n");
  await mkdir(path.join(repo, "conf"), { recursive: true });
  await writeFile(path.join(repo, "conf", "local.json"), "{}\n");
  await writeFile(path.join(tmp, "outside.txt"), "not the repository's\n");
  await symlink(path.join(tmp, "outside.txt"), path.join(repo, "leak.txt"));
  await writeFile(path.join(repo, "notes.txt"), "untracked, not named\n");
  await writeFile(path.join(repo, ".worktreeinclude"), ".env\nconf/\nleak.txt\n");
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe("paraplan worktrees, status and worktrees remove on a real repository (six workstreams, two waves)", () => {
  it("--dry-run prints the exact git commands and changes nothing", async () => {
    const before = await snapshot(tmp);
    const r = await runInProcess(["worktrees", "--dry-run"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`git -C ${repo} worktree add -b workstream/auth-api -- ${wt("auth-api")} main\n`);
    expect(r.stdout).toContain(`git -C ${repo} worktree add -b workstream/docs -- ${wt("docs")} main\n`);
    expect(r.stdout).toMatch(/# waiting {2}D {2}for A, B .*integration\/wave1 \(does not exist yet\)/);
    expect(r.stdout).toContain("# then copy 2 untracked files named in .worktreeinclude: .env, conf/local.json");
    expect(r.stderr).toContain("dry run: nothing changed; 3 to create, 0 present, 3 waiting");
    expect(await snapshot(tmp)).toEqual(before);
    expect(worktreeList()).toEqual([`${repo} main`]);
  });

  it("creates the worktrees that can start, from their base, with the included files and the prompt, excluded from git", async () => {
    const r = await runInProcess(["worktrees"], repo);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(worktreeList()).toEqual([`${repo} main`, `${wt("auth-api")} workstream/auth-api`, `${wt("catalog-api")} workstream/catalog-api`, `${wt("docs")} workstream/docs`]);
    const main = gitIn(repo, ["rev-parse", "main"]).trim();
    for (const branch of ["workstream/auth-api", "workstream/catalog-api", "workstream/docs"]) {
      expect(gitIn(repo, ["merge-base", "main", branch]).trim()).toBe(main);
      expect(gitIn(repo, ["rev-parse", branch]).trim()).toBe(main);
    }
    // Waiting: C for A (same wave, not done), D for wave 1's merge, E for D; none of their branches exists.
    expect(r.stdout).toMatch(/^waiting {2}C {2}for A /m);
    expect(r.stdout).toMatch(/^waiting {2}D {2}for A, B .*integration\/wave1/m);
    expect(r.stdout).toMatch(/^waiting {2}E {2}for A, D /m);
    expect(gitIn(repo, ["branch", "--list", "workstream/checkout", "workstream/pages", "workstream/payments"]).trim()).toBe("");

    // .worktreeinclude: the named untracked files, and not the link out of the repository nor an unnamed file.
    expect(await readFile(path.join(wt("auth-api"), ".env"), "utf8")).toBe("SECRET=1\n");
    expect(await readFile(path.join(wt("auth-api"), "conf", "local.json"), "utf8")).toBe("{}\n");
    await expect(lstat(path.join(wt("auth-api"), "leak.txt"))).rejects.toThrow();
    await expect(lstat(path.join(wt("auth-api"), "notes.txt"))).rejects.toThrow();
    expect(r.stdout).toContain("left out leak.txt: a symbolic link that leads out of the repository");

    // The prompt is what `paraplan prompt` prints, and git does not see it.
    const prompt = await runInProcess(["prompt", "A"], repo);
    expect(await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8")).toBe(prompt.stdout);
    expect(prompt.stdout).toContain("Auth API");
    expect(await readFile(path.join(repo, ".git", "info", "exclude"), "utf8")).toMatch(/^\/PROMPT\.md$/m);
    expect(gitIn(wt("auth-api"), ["status", "--porcelain"])).toBe("");
  });

  it("a second run changes nothing", async () => {
    const before = await snapshot(tmp);
    const exclude = await readFile(path.join(repo, ".git", "info", "exclude"), "utf8");
    const r = await runInProcess(["worktrees"], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^present {2}A {2}.* on workstream\/auth-api: left as it is$/m);
    expect(r.stderr).toContain("0 created, 3 present, 3 waiting");
    expect(await snapshot(tmp)).toEqual(before);
    expect(await readFile(path.join(repo, ".git", "info", "exclude"), "utf8")).toBe(exclude);
  });

  it("status --json: commits ahead, behind the merge target, uncommitted files and progress.md", async () => {
    const a = wt("auth-api");
    await writeFile(path.join(a, "auth.ts"), "export const auth = 1;\n");
    gitIn(a, ["add", "auth.ts"]);
    gitIn(a, ["commit", "-q", "-m", "Auth: the login route"]);
    await writeFile(path.join(a, "auth2.ts"), "export const auth2 = 2;\n");
    gitIn(a, ["add", "auth2.ts"]);
    gitIn(a, ["commit", "-q", "-m", "Auth: the logout route"]);
    await writeFile(path.join(a, "progress.md"), "# Progress\n\n**Status:** routes done, tests next\n- Blockers: none\n");
    await writeFile(path.join(wt("catalog-api"), "README.md"), "# shop, edited\n");
    // A commit on main that the branches lack: they are one behind their merge target (wave 1 is made from main).
    await writeFile(path.join(repo, "CHANGELOG.md"), "changes\n");
    gitIn(repo, ["add", "CHANGELOG.md"]);
    gitIn(repo, ["commit", "-q", "-m", "changelog"]);

    const r = await runInProcess(["status", "--json", "--today", "2026-12-01"], repo);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as { version: number; day: number; canStartNow: string[]; workstreams: Record<string, unknown>[] };
    expect(status.version).toBe(1);
    expect(status.day).toBe(2);
    const row = (id: string) => status.workstreams.find((w) => w.id === id)!;
    expect(row("A")).toMatchObject({
      branch: "workstream/auth-api",
      branchExists: true,
      worktree: { path: a, present: true, branch: "workstream/auth-api", refused: null },
      base: "main",
      ahead: 2,
      target: "main",
      behind: 1,
      uncommitted: 1,
      lastCommit: { subject: "Auth: the logout route" },
      progress: { status: "routes done, tests next", blockers: "none" },
      schedule: { today: 2, start: { low: 1, high: 1 }, finish: { low: 2, high: 2 }, state: "on track" },
      prompt: "current",
      canStartNow: true,
    });
    expect(row("B")).toMatchObject({ ahead: 0, behind: 1, uncommitted: 1, progress: null, prompt: "current" });
    expect(row("D")).toMatchObject({ branchExists: false, worktree: { present: false }, ahead: null, uncommitted: null, prompt: "no worktree", canStartNow: false, waitsFor: ["A", "B"] });
    expect(status.canStartNow).toEqual(["A", "B", "F"]);

    // From inside a worktree, the same repository and the same figures: paths are resolved from the main checkout.
    const inside = JSON.parse((await runInProcess(["status", "--json", "--today", "2026-12-01"], path.join(a, "plan"))).stdout) as { repository: string; workstreams: { id: string; ahead: number }[] };
    expect(inside.repository).toBe(repo);
    expect(inside.workstreams.find((w) => w.id === "A")!.ahead).toBe(2);

    // The table shows the same figures.
    const text = await runInProcess(["status", "--today", "2026-12-01"], repo);
    expect(text.stdout).toMatch(/^A +planned +yes +workstream\/auth-api +\+2 -1 +1 +\S+ \S+ Auth: the logout route +routes done, tests next; blockers: none +on track/m);
    expect(text.stdout).toContain("can start now: A, B, F");
  });

  it("status: planned against actual from start_date and the working-day calendar", async () => {
    // 2026-12-04 is a Friday, day 5: A, B and F (days 1-2) should have finished; B has not even started.
    const r = await runInProcess(["status", "--json", "--today", "2026-12-04"], repo);
    const rows = (JSON.parse(r.stdout) as { workstreams: { id: string; schedule: { state: string; shouldHaveFinished: boolean } }[] }).workstreams;
    expect(rows.find((w) => w.id === "A")!.schedule).toMatchObject({ state: "late finish", shouldHaveFinished: true });
    // The weekend is no working day: Monday 2026-12-07 is day 6.
    const monday = JSON.parse((await runInProcess(["status", "--json", "--today", "2026-12-07"], repo)).stdout) as { day: number };
    expect(monday.day).toBe(6);
  });

  it("an edit of the plan makes the prompt in the worktree out of date", async () => {
    const file = path.join(repo, "plan", "workstreams", "A.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Build Auth API.", "Build the Auth API, with refresh tokens."));
    const r = await runInProcess(["status", "--json", "--today", "2026-12-01"], repo);
    const rows = (JSON.parse(r.stdout) as { workstreams: { id: string; prompt: string }[] }).workstreams;
    expect(rows.find((w) => w.id === "A")!.prompt).toBe("out of date");
    expect(rows.find((w) => w.id === "B")!.prompt).toBe("current");
    const text = await runInProcess(["status", "--today", "2026-12-01"], repo);
    // worktrees recorded the delivery of the prompt it wrote: the note names the plan's revision it was delivered at.
    expect(text.stdout).toMatch(/^1 prompt out of date \(the plan changed since it was written or delivered\): A \(since [0-9a-f]{7}( with uncommitted plan changes)?\)$/m);

    // worktrees says so, and rewrites it only when asked (not in a dry run).
    const stale = await runInProcess(["worktrees", "A", "B"], repo);
    expect(stale.stdout).toMatch(/^present {2}A {2}.*: left as it is; its PROMPT\.md is out of date \(--update-prompts rewrites it\)$/m);
    expect(stale.stdout).toMatch(/^present {2}B {2}.*: left as it is$/m);
    const before = await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8");
    await runInProcess(["worktrees", "--update-prompts", "--dry-run"], repo);
    expect(await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8")).toBe(before);
    const updated = await runInProcess(["worktrees", "--update-prompts"], repo);
    expect(updated.code, updated.stdout + updated.stderr).toBe(0);
    expect(updated.stdout).toMatch(/^present {2}A {2}.*: left as it is; PROMPT\.md updated to the plan's$/m);
    expect(await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8")).toBe((await runInProcess(["prompt", "A"], repo)).stdout);
    expect(await readFile(path.join(wt("auth-api"), "PROMPT.md"), "utf8")).toContain("refresh tokens");
    const after = JSON.parse((await runInProcess(["status", "--json", "--today", "2026-12-01"], repo)).stdout) as { workstreams: { id: string; prompt: string }[] };
    expect(after.workstreams.find((w) => w.id === "A")!.prompt).toBe("current");
  });

  it("a prompt delivered with prompt --mark-delivered, no worktree yet, is out of date once the plan changes what it says", async () => {
    type Row = { id: string; prompt: string; delivered: { commit: string | null; prompt: string } | null; worktree: { present: boolean } };
    const read = async () => (JSON.parse((await runInProcess(["status", "--json", "--today", "2026-12-01"], repo)).stdout) as { workstreams: Row[] }).workstreams;
    const id = (await read()).find((w) => !w.worktree.present && w.delivered === null)!.id;
    expect((await runInProcess(["prompt", id, "--mark-delivered"], repo)).code).toBe(0);
    const delivered = (await read()).find((w) => w.id === id)!;
    expect(delivered.prompt).toBe("current");
    expect(delivered.delivered!.prompt).toMatch(/^sha256:[0-9a-f]{64}$/);
    const file = (await readdir(path.join(repo, "plan", "workstreams"))).find((f) => f.startsWith(`${id}`))!;
    const abs = path.join(repo, "plan", "workstreams", file);
    const original = await readFile(abs, "utf8");
    await writeFile(abs, original.replace(/^## Goal\n\n/m, "## Goal\n\nNow with an audit log. "));
    expect((await read()).find((w) => w.id === id)!.prompt).toBe("out of date");
    await writeFile(abs, original);
    expect((await read()).find((w) => w.id === id)!.prompt).toBe("current");
  });

  it("a same-wave dependant is created from its dependency's branch once that is done", async () => {
    await setStatus("A", "done");
    const r = await runInProcess(["worktrees", "C"], repo);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^created {2}C {2}.*workstream\/checkout from workstream\/auth-api/m);
    expect(gitIn(repo, ["rev-parse", "workstream/checkout"]).trim()).toBe(gitIn(repo, ["rev-parse", "workstream/auth-api"]).trim());
    expect(isAncestor(repo, "workstream/auth-api", "workstream/checkout")).toBe(true);
  });

  it("after wave 1 merges, wave 2 branches from its integration branch; a same-wave dependant still waits", async () => {
    gitIn(repo, ["branch", "integration/wave1", "main"]);
    gitIn(repo, ["checkout", "-q", "integration/wave1"]);
    for (const b of ["workstream/auth-api", "workstream/catalog-api", "workstream/checkout"]) gitIn(repo, ["merge", "-q", "--no-edit", b]);
    gitIn(repo, ["checkout", "-q", "main"]);
    for (const id of ["A", "B", "C"]) await setStatus(id, "merged");
    const r = await runInProcess(["worktrees"], repo);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^created {2}D {2}.*workstream\/pages from integration\/wave1/m);
    expect(r.stdout).toMatch(/^waiting {2}E {2}for D /m);
    expect(r.stdout).toMatch(/^present {2}A /m);
    expect(isAncestor(repo, "integration/wave1", "workstream/pages")).toBe(true);
    expect(isAncestor(repo, "workstream/auth-api", "workstream/pages")).toBe(true);
    expect(gitIn(repo, ["rev-parse", "workstream/pages"])).toBe(gitIn(repo, ["rev-parse", "integration/wave1"]));
  });

  it("worktrees remove refuses a dirty worktree, removes a merged clean one, and prunes", async () => {
    // B's branch has an uncommitted edit (above); A's progress.md is untracked: both are dirty until dealt with.
    await rm(path.join(wt("auth-api"), "progress.md"));
    const dry = await runInProcess(["worktrees", "remove", "--dry-run"], repo);
    expect(dry.stdout).toContain(`git -C ${repo} worktree remove -- ${wt("auth-api")}\n`);
    expect(dry.stdout).toMatch(/^# refused {2}B {2}it has 1 uncommitted file/m);
    expect(dry.stdout).toContain(`git -C ${repo} worktree prune`);
    expect((await stat(wt("auth-api"))).isDirectory()).toBe(true);

    const r = await runInProcess(["worktrees", "remove"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^removed {2}A /m);
    expect(r.stdout).toMatch(/^removed {2}C /m);
    expect(r.stdout).toMatch(/^refused {2}B {2}it has 1 uncommitted file/m);
    await expect(lstat(wt("auth-api"))).rejects.toThrow();
    expect(await readFile(path.join(wt("catalog-api"), "README.md"), "utf8")).toBe("# shop, edited\n");
    expect(worktreeList().map((l) => l.split(" ")[1])).toEqual(["main", "workstream/catalog-api", "workstream/docs", "workstream/pages"]);
    // The branch is kept.
    expect(gitIn(repo, ["branch", "--list", "workstream/auth-api"]).trim()).toContain("workstream/auth-api");
  });

  it("worktrees remove refuses a named worktree with commits its merge target lacks, unless --force", async () => {
    const d = wt("pages");
    await writeFile(path.join(d, "pages.ts"), "export {};\n");
    gitIn(d, ["add", "pages.ts"]);
    gitIn(d, ["commit", "-q", "-m", "Pages"]);
    const r = await runInProcess(["worktrees", "remove", "D"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^refused {2}D {2}workstream\/pages has commits not merged into main/m);
    expect((await stat(d)).isDirectory()).toBe(true);
    const forced = await runInProcess(["worktrees", "remove", "D", "--force"], repo);
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    await expect(lstat(d)).rejects.toThrow();
  });

  it("a workstream that needs more than its base gets the merges to run before it starts, printed and not run", async () => {
    // E needs D (same wave: its branch is E's base) and A (through wave 1's integration branch, merged in).
    await setStatus("D", "done");
    const dry = await runInProcess(["worktrees", "E", "--dry-run"], repo);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`git -C ${repo} worktree add -b workstream/payments -- ${wt("payments")} workstream/pages\n`);
    expect(dry.stdout).toContain(`#   git -C ${wt("payments")} merge --no-edit -- integration/wave1\n`);
    const r = await runInProcess(["worktrees", "E"], repo);
    expect(r.stdout).toContain(`    git -C ${wt("payments")} merge --no-edit -- integration/wave1\n`);
    // Not run: E's branch is D's, without a merge commit.
    expect(gitIn(repo, ["rev-parse", "workstream/payments"])).toBe(gitIn(repo, ["rev-parse", "workstream/pages"]));
    expect((await runInProcess(["worktrees", "remove", "E", "--force"], repo)).code).toBe(0);
    gitIn(repo, ["branch", "-D", "workstream/payments"]);
  });

  it("a worktree on another branch, or a branch without a worktree, is reported and never replaced", async () => {
    // E's branch exists without a worktree; F's worktree is switched to another branch.
    gitIn(repo, ["branch", "workstream/payments", "main"]);
    gitIn(wt("docs"), ["checkout", "-q", "-b", "docs-elsewhere"]);
    const r = await runInProcess(["worktrees", "E", "F"], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^conflict E {2}its branch workstream\/payments exists without a worktree/m);
    expect(r.stdout).toMatch(/^conflict F {2}a worktree at .*docs is on branch docs-elsewhere, not workstream\/docs/m);
    expect(gitIn(wt("docs"), ["branch", "--show-current"]).trim()).toBe("docs-elsewhere");
  });

  it("an unknown workstream id is a usage error with a suggestion", async () => {
    const r = await runInProcess(["worktrees", "a"], repo);
    expect(r.code).toBe(0);
    const bad = await runInProcess(["worktrees", "Q"], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no workstream `Q`");
  });
});

describe("paraplan worktrees outside a git repository", () => {
  it("says so (exit 2)", async () => {
    const { tmp: other, repo: folder } = await planRepository("paraplan-nogit-", [{ id: "A", name: "Auth API", wave: 1 }], ["| Wave | Workstreams |", "| --- | --- |", "| 1 | A |", ""].join("\n"));
    await rm(path.join(folder, ".git"), { recursive: true, force: true });
    const r = await runInProcess(["worktrees"], folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is in no git repository");
    await rm(other, { recursive: true, force: true });
  });
});

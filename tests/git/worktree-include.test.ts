import { mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyIncluded, includedFiles } from "../../src/git/worktree-include.js";
import { gitIn } from "./git-fixture.js";

let tmp: string;
let main: string;
let worktree: string;

beforeEach(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), "paraplan-include-")));
  main = path.join(tmp, "main");
  worktree = path.join(tmp, "wt");
  await mkdir(path.join(main, "conf"), { recursive: true });
  await mkdir(worktree);
  await mkdir(path.join(tmp, "outside"));
  gitIn(tmp, ["init", "-q", "-b", "main", "main"]);
});
afterEach(async () => rm(tmp, { recursive: true, force: true }));

describe(".worktreeinclude", () => {
  it("names untracked files in git's ignore syntax, negations and folders included; none without the file", async () => {
    expect(await includedFiles(main)).toEqual([]);
    await writeFile(path.join(main, ".env"), "A=1\n");
    await writeFile(path.join(main, ".env.example"), "A=\n");
    await writeFile(path.join(main, "conf", "local.json"), "{}\n");
    await writeFile(path.join(main, "conf", "team.json"), "{}\n");
    await writeFile(path.join(main, "tracked.env"), "T=1\n");
    gitIn(main, ["add", "tracked.env"]);
    await writeFile(path.join(main, ".worktreeinclude"), "# what agents need\n*.env\n.env*\n!.env.example\nconf/local.json\n");
    expect(await includedFiles(main)).toEqual([".env", "conf/local.json"]);
  });

  it("never writes through a folder of the worktree that links out of it, and never replaces a file there", async () => {
    await writeFile(path.join(main, "conf", "local.json"), "{}\n");
    await writeFile(path.join(main, ".env"), "A=1\n");
    await symlink(path.join(tmp, "outside"), path.join(worktree, "conf"));
    await writeFile(path.join(worktree, ".env"), "mine\n");
    const result = await copyIncluded(main, worktree, [".env", "conf/local.json"]);
    expect(result.copied).toEqual([]);
    expect(result.skipped).toEqual([
      { file: ".env", reason: "the worktree has it already" },
      { file: "conf/local.json", reason: "its folder in the worktree leads out of it" },
    ]);
    expect(await readdir(path.join(tmp, "outside"))).toEqual([]);
    expect(await readFile(path.join(worktree, ".env"), "utf8")).toBe("mine\n");
  });

  it("copies a link that stays inside the repository as a link", async () => {
    await writeFile(path.join(main, "conf", "dev.env"), "D=1\n");
    await symlink("conf/dev.env", path.join(main, ".env"));
    const result = await copyIncluded(main, worktree, [".env"]);
    expect(result.copied).toEqual([".env"]);
    expect(await readlink(path.join(worktree, ".env"))).toBe("conf/dev.env");
  });
});

import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCallingWorktree } from "../../src/mcp/calling-worktree.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd, encoding: "utf8" });

describe("findCallingWorktree", () => {
  it("from a linked worktree's subfolder: that worktree, its branch, and the same subfolder of the main checkout", async () => {
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "paraplan-calling-")));
    const main = path.join(dir, "main");
    await mkdir(path.join(main, "docs", "plan"), { recursive: true });
    git(dir, "init", "-q", "-b", "main", main);
    git(main, "commit", "-q", "--allow-empty", "-m", "start");
    git(main, "worktree", "add", "-q", "-b", "ws/one", path.join(dir, "one"));
    await mkdir(path.join(dir, "one", "docs"), { recursive: true });
    expect(await findCallingWorktree(path.join(dir, "one", "docs"))).toEqual({ top: path.join(dir, "one"), branch: "ws/one", planSearchFrom: path.join(main, "docs"), inGit: true });
    // A folder the main checkout does not have: its top.
    await mkdir(path.join(dir, "one", "only-here"));
    expect((await findCallingWorktree(path.join(dir, "one", "only-here"))).planSearchFrom).toBe(main);
    expect(await findCallingWorktree(main)).toEqual({ top: main, branch: "main", planSearchFrom: main, inGit: true });
    // Detached: no branch.
    git(path.join(dir, "one"), "checkout", "-q", "--detach");
    expect((await findCallingWorktree(path.join(dir, "one"))).branch).toBeUndefined();
  });

  it("outside git: the folder itself", async () => {
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "paraplan-calling-")));
    expect(await findCallingWorktree(dir)).toEqual({ top: dir, planSearchFrom: dir, inGit: false });
  });
});

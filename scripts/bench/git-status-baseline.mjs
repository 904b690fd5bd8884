/* global process */
// Baseline of `paraplan status`: `git status` run once in each worktree given, one after another.
import { execFileSync } from "node:child_process";
for (const dir of process.argv.slice(2)) execFileSync("git", ["status", "--porcelain=v1", "-z"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });

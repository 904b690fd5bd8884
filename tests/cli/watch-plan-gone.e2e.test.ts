/**
 * `watch` when the plan folder goes away (issue #18 item 12): moved away it used to exit with code 13, deleted and
 * restored it stopped rebuilding. It says the plan is gone, waits, and resumes when the folder is back; stopped, it
 * exits 0; started without a plan folder, 2.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";
import { until } from "../helpers/until.js";

/** Starts `paraplan watch` in `dir`: its output so far, a way to stop it, and its exit code. */
function start(dir: string, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, "watch", "--debounce", "50", ...args], { cwd: dir, env: { PATH: process.env.PATH }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { read: () => output, exit, stop: () => child.kill("SIGINT"), child };
}

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-watch-gone-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(dir, "plan"), { recursive: true });
  return dir;
}

const WORKSTREAM = "workstreams/A1-parser.md";

describe("watch when the plan folder goes away", () => {
  it("moved away and back: says it is gone, keeps running, and rebuilds when it is back", { timeout: 60_000 }, async () => {
    const dir = await project();
    const watch = start(dir);
    try {
      let at = await until(watch.read, /\[start\] [\s\S]*?unchanged in \d+ ms\n/, 0);
      await rename(path.join(dir, "plan"), path.join(dir, "plan-away"));
      at = await until(watch.read, /plan is gone \(moved or deleted\); waiting for it to come back/, at);
      // Exit 13 came as soon as nothing was watched any more: still running a while later.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(watch.child.exitCode).toBeNull();
      expect(watch.read().slice(at)).not.toMatch(/build failed/);

      await rename(path.join(dir, "plan-away"), path.join(dir, "plan"));
      at = await until(watch.read, /plan is back; watching it again\n[\s\S]*?\[plan is back\] [\s\S]*?unchanged in \d+ ms\n/, at);
      // And edits are seen again.
      const file = path.join(dir, "plan", WORKSTREAM);
      await writeFile(file, (await readFile(file, "utf8")).replace("## Goal\n\n", "## Goal\n\nAfter the move. "));
      await until(watch.read, /\[plan\/workstreams\/A1-parser\.md\] [\s\S]*?unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(dir, "out", "prompts", "A1_PARSER.md"), "utf8")).toContain("After the move.");
    } finally {
      watch.stop();
    }
    expect(await watch.exit).toBe(0);
  });

  it("deleted and restored: the new folder is watched, and its edits rebuild", { timeout: 60_000 }, async () => {
    const dir = await project();
    await cp(path.join(dir, "plan"), path.join(dir, "backup"), { recursive: true });
    const watch = start(dir);
    try {
      let at = await until(watch.read, /\[start\] [\s\S]*?unchanged in \d+ ms\n/, 0);
      await rm(path.join(dir, "plan"), { recursive: true });
      at = await until(watch.read, /plan is gone/, at);
      await cp(path.join(dir, "backup"), path.join(dir, "plan"), { recursive: true });
      at = await until(watch.read, /plan is back; watching it again\n[\s\S]*?unchanged in \d+ ms\n/, at);
      const file = path.join(dir, "plan", WORKSTREAM);
      await writeFile(file, (await readFile(file, "utf8")).replace("## Goal\n\n", "## Goal\n\nAfter the restore. "));
      await until(watch.read, /\[plan\/workstreams\/A1-parser\.md\] [\s\S]*?unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(dir, "out", "prompts", "A1_PARSER.md"), "utf8")).toContain("After the restore.");
    } finally {
      watch.stop();
    }
    expect(await watch.exit).toBe(0);
  });

  it("started without a plan folder: exit 2 with the usual message", { timeout: 30_000 }, async () => {
    const dir = await project();
    const watch = start(dir, ["--plan", "missing"]);
    expect(await watch.exit).toBe(2);
    expect(watch.read()).toMatch(/^paraplan: .*missing/m);
  });
});

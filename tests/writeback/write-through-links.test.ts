/** #18.5: no write goes through a symbolic link that leads out of the plan or template folder. */
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let root: string;
let outside: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-write-links-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "project", "plan"), { recursive: true });
  outside = path.join(root, "outside");
  await mkdir(outside);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const project = () => path.join(root, "project");

async function expectRefused(args: string[]): Promise<void> {
  const result = await runInProcess(args, project());
  expect(result.code, `${args.join(" ")}: ${result.stdout}${result.stderr}`).toBe(3);
  expect(result.stderr).toMatch(/refusing to use .*: it is a symbolic link to .*outside, outside the (plan|template) folder/);
  expect(await readdir(outside), args.join(" ")).toEqual([]);
}

describe("writes through a linked folder that leads out", () => {
  it("are refused for new decision, session new and import decisions", async () => {
    await symlink(outside, path.join(project(), "plan", "decisions"), "dir");
    await symlink(outside, path.join(project(), "plan", "sessions"), "dir");
    await expectRefused(["new", "decision", "Use X"]);
    await expectRefused(["session", "new", "Progress"]);
    await mkdir(path.join(project(), "adr"));
    await writeFile(path.join(project(), "adr", "0001-use-y.md"), "# 1. Use Y\n\n## Status\n\nAccepted\n\n## Decision\n\nY.\n");
    await expectRefused(["import", "decisions", "adr"]);
  });

  it("are refused for new workstream --force", async () => {
    await rm(path.join(project(), "plan", "workstreams"), { recursive: true });
    await symlink(outside, path.join(project(), "plan", "workstreams"), "dir");
    await expectRefused(["new", "workstream", "Search", "--days", "1", "--force"]);
  });

  it("are refused for templates eject through a linked templates/partials", async () => {
    await mkdir(path.join(project(), "templates"));
    await symlink(outside, path.join(project(), "templates", "partials"), "dir");
    await expectRefused(["templates", "eject"]);
  });

  it("still work through a link that stays inside the plan", async () => {
    await mkdir(path.join(project(), "plan", "adr-files"));
    await symlink(path.join(project(), "plan", "adr-files"), path.join(project(), "plan", "decisions"), "dir");
    const result = await runInProcess(["new", "decision", "Use X", "-q"], project());
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(path.join(project(), "plan", "adr-files"))).toHaveLength(1);
  });
});

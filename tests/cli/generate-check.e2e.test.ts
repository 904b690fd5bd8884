import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess as runCli } from "../helpers/run-in-process.js";

let project: string;

/** A fresh copy of the autoD plan in a temporary project folder, with no out/ yet. */
beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-e2e-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
});

const ws = () => path.join(project, "plan", "workstreams", "TD2-config-management.md");

describe("generate and check (the built binary, in a temporary folder)", () => {
  it("generate writes out/, check passes; an edit makes check fail with a diff; generate fixes it", async () => {
    const first = await runCli(["generate"], project);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("wrote   out/PARALLEL_EXECUTION_PLAN.md");
    expect(first.stdout).toMatch(/13 written, 0 removed, 0 unchanged in \d+ ms/);
    expect((await readdir(path.join(project, "out", "prompts"))).sort()).toContain("TD2_CONFIG_MANAGEMENT.md");

    expect((await runCli(["check"], project)).code).toBe(0);

    await writeFile(ws(), (await readFile(ws(), "utf8")).replace("name: Config Management", "name: Configuration Management"));
    const stale = await runCli(["check"], project);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("missing out/prompts/TD2_CONFIGURATION_MANAGEMENT.md");
    expect(stale.stdout).toContain("no longer generated out/prompts/TD2_CONFIG_MANAGEMENT.md");
    expect(stale.stdout).toMatch(/stale out\/PARALLEL_EXECUTION_PLAN\.md\n[\s\S]*^-.*Config Management/m);
    expect(stale.stdout).toMatch(/^\+.*Configuration Management/m);
    expect(stale.stderr).toContain("out of date in out/: run `paraplan generate`");

    const second = await runCli(["generate"], project);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("removed out/prompts/TD2_CONFIG_MANAGEMENT.md");
    expect((await runCli(["check"], project)).code).toBe(0);

    const third = await runCli(["generate"], project);
    expect(third.stdout).toMatch(/0 written, 0 removed, 13 unchanged/);
  });

  it("never overwrites a generated file edited by hand without --force, and never touches files it did not write", async () => {
    await runCli(["generate"], project);
    const prompt = path.join(project, "out", "prompts", "TD1_ERROR_HANDLING.md");
    const mine = path.join(project, "out", "NOTES.md");
    await writeFile(mine, "# My notes\n");
    await writeFile(prompt, `${await readFile(prompt, "utf8")}\nA note I added by hand.\n`);
    await writeFile(ws(), (await readFile(ws(), "utf8")).replace("days: 1-2", "days: 2"));

    const check = await runCli(["check"], project);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("edited by hand out/prompts/TD1_ERROR_HANDLING.md");

    const refused = await runCli(["generate"], project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused out/prompts/TD1_ERROR_HANDLING.md was edited by hand since it was generated");
    expect(await readFile(prompt, "utf8")).toContain("A note I added by hand.");
    expect(await readFile(mine, "utf8")).toBe("# My notes\n");

    const forced = await runCli(["generate", "--force"], project);
    expect(forced.code).toBe(0);
    expect(await readFile(prompt, "utf8")).not.toContain("A note I added by hand.");
    expect(await readFile(mine, "utf8")).toBe("# My notes\n");
  });

  it("notices a hand edit to out/ even when the plan did not change (the build manifest is not trusted blindly)", async () => {
    await runCli(["generate"], project);
    expect((await runCli(["generate"], project)).stdout).toMatch(/0 written, 0 removed, 13 unchanged/);
    const plan = path.join(project, "out", "PARALLEL_EXECUTION_PLAN.md");
    await writeFile(plan, (await readFile(plan, "utf8")).replace("# autoD: Parallel Execution Plan", "# autoD: My Plan"));
    const refused = await runCli(["generate"], project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused out/PARALLEL_EXECUTION_PLAN.md was edited by hand");
    expect((await runCli(["check"], project)).stdout).toContain("edited by hand out/PARALLEL_EXECUTION_PLAN.md");
    await rm(path.join(project, "out", "PARALLEL_EXECUTION_PLAN.md"));
    const restored = await runCli(["generate", "--no-cache"], project);
    expect(restored.stdout).toMatch(/1 written, 0 removed, 12 unchanged/);
  });

  it("writes nothing while the plan has errors, and says why with file:line:column", async () => {
    await writeFile(ws(), (await readFile(ws(), "utf8")).replace("agent: python-pro", "agent: pythn-pro"));
    const result = await runCli(["generate"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^plan\/workstreams\/TD2-config-management\.md:\d+:\d+ error unknown-agent unknown agent `pythn-pro`, expected one of: backend-architect, deployment-engineer, python-pro, test-automator$/m,
    );
    expect(result.stderr).toContain("  hint: Did you mean `python-pro`?");
    expect(result.stderr).toContain("nothing written");
    await expect(readdir(path.join(project, "out"))).rejects.toThrow(/ENOENT/);
  });

  it("changes nothing in out/ when a template fails part-way, though documents before it were already staged", async () => {
    expect((await runCli(["generate"], project)).code).toBe(0);
    const before = await snapshot(path.join(project, "out"));
    // The execution plan renders (and is staged) first; the prompt template then fails on the workstreams in a wave.
    await cp(path.join(REPO, "templates"), path.join(project, "templates"), { recursive: true });
    await writeFile(path.join(project, "plan", "workstreams", "TD2-config-management.md"), (await readFile(ws(), "utf8")).replace("name: Config Management", "name: Config Handling"));
    const prompt = path.join(project, "templates", "prompt.md.hbs");
    await writeFile(prompt, `{{#if wave}}{{wave.nonexistent}}{{/if}}\n${await readFile(prompt, "utf8")}`);
    const failed = await runCli(["generate", "--templates", "templates"], project);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^templates\/prompt\.md\.hbs:1:\d+ error template-error /m);
    expect(failed.stderr).toContain("nothing written");
    expect(await snapshot(path.join(project, "out"))).toEqual(before);
  });
});

/** Every file under a folder (hidden ones too) with its text. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, abs)] = await readFile(abs, "utf8");
  }
  return files;
}

describe("exit codes", () => {
  it("2 for an unknown command, with a suggestion", async () => {
    const result = await runCli(["generat"], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("(Did you mean generate?)");
  });

  it("2 when no plan folder can be found", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "paraplan-empty-"));
    const result = await runCli(["validate"], empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no plan/ folder found");
  });

  it("3 when the output folder cannot be written", async () => {
    await writeFile(path.join(project, "blocker"), "a file where a folder should be\n");
    const result = await runCli(["generate", "--out", "blocker"], project);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^paraplan: .*(ENOTDIR|EEXIST)/m);
  });

  it("0 and 1 for validate on a valid and an invalid plan", async () => {
    expect((await runCli(["validate"], project)).code).toBe(0);
    await writeFile(ws(), (await readFile(ws(), "utf8")).replace("days: 1-2", "days: soon"));
    const invalid = await runCli(["validate"], project);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/TD2-config-management\.md:\d+:7 error invalid-value `days` is `soon`/);
  });
});

/** `paraplan init` names the project after its folder, dates the examples today, and sets up .gitignore and markdownlint (#17.23). */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemToday } from "../../src/cli/system-today.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

describe("init", () => {
  it("uses the folder's name and today's date, and validates with no warning", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-"));
    const result = await runInProcess(["init", "shop-app"], parent);
    expect(result.code, result.stderr).toBe(0);
    const root = path.join(parent, "shop-app");
    const project = await readFile(path.join(root, "plan", "project.md"), "utf8");
    expect(project).toMatch(/^name: shop-app$/m);
    expect(project).toMatch(/^# shop-app$/m);
    expect(project).not.toContain("my-project");
    const today = systemToday();
    const sessions = await readdir(path.join(root, "plan", "sessions"));
    expect(sessions).toEqual([`${today}-kickoff.md`]);
    expect(await readFile(path.join(root, "plan", "sessions", sessions[0]!), "utf8")).toContain(`**Date:** ${today}\n`);
    const [adr] = await readdir(path.join(root, "plan", "decisions"));
    expect(await readFile(path.join(root, "plan", "decisions", adr!), "utf8")).toContain(`date: ${today}\n`);
    const validate = await runInProcess(["validate"], root);
    expect(validate.stderr).toBe("0 errors, 0 warnings\n");
  });

  it("adds the cache to .gitignore (keeping its lines) and a markdownlint config under which out/ passes a stock markdownlint-cli2", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-"));
    await writeFile(path.join(root, ".gitignore"), "node_modules/");
    expect((await runInProcess(["init"], root)).code).toBe(0);
    expect(await readFile(path.join(root, ".gitignore"), "utf8")).toBe("node_modules/\n.paraplan-cache/\n");
    // A second init elsewhere in the same folder does not add the line twice.
    await mkdir(path.join(root, "again"));
    expect((await runInProcess(["init", "."], root)).code).toBe(2);
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    const cli = path.join(REPO, "node_modules", ".bin", "markdownlint-cli2");
    // markdownlint-cli2 run as a user would, in the new project, with the config init wrote.
    // (Without the config, the wide tables of out/ fail MD013.)
    execFileSync(cli, ["out/**/*.md"], { cwd: root, stdio: "pipe" });
    expect(await readFile(path.join(root, ".markdownlint-cli2.jsonc"), "utf8")).toContain('"globs": ["out/**/*.md"]');
  }, 60_000);
});

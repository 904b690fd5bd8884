import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/run-cli.js";

const COMMANDS = ["init", "validate", "generate", "check", "watch", "schedule", "prompt", "export", "list", "templates eject", "new", "set", "add", "decision supersede", "session new", "session freeze"];

async function autodProject(): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), "paraplan-cmd-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
  return project;
}

describe("init", () => {
  it("creates a valid plan with one example of each record kind that generates at once", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-"));
    const created = await runCli(["init", "demo"], root);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("created demo/plan/ with 9 example records");
    const project = path.join(root, "demo");
    const validate = await runCli(["validate"], project);
    expect(validate.stdout).toBe("");
    expect(validate.stderr).toBe("0 errors, 0 warnings\n");
    expect((await runCli(["generate"], project)).code).toBe(0);
    expect((await runCli(["check"], project)).code).toBe(0);
    const list = await runCli(["list", "workstreams"], project);
    expect(list.stdout.split("\n")[0]).toMatch(/^id +name +agent +days/);
    for (const kind of ["decisions", "risks", "sessions"]) expect((await runCli(["list", kind], project)).stdout.split("\n").length).toBe(3);
  });

  it("refuses to write into an existing plan", async () => {
    const project = await autodProject();
    const before = await readFile(path.join(project, "plan", "project.md"), "utf8");
    const result = await runCli(["init"], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("plan/ already exists and is not empty; nothing was written");
    expect(await readFile(path.join(project, "plan", "project.md"), "utf8")).toBe(before);
  });
});

describe("prompt, export, list, schedule", () => {
  let project: string;
  beforeAll(async () => {
    project = await autodProject();
    await runCli(["generate"], project);
  });

  it("prompt prints exactly the file's bytes", async () => {
    const result = await runCli(["prompt", "TD2"], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(path.join(project, "out", "prompts", "TD2_CONFIG_MANAGEMENT.md"), "utf8"));
  });

  it("prompt --copy says clearly why there is no clipboard, and prints the prompt instead", async () => {
    const result = await runCli(["prompt", "td2", "--copy"], project, { DISPLAY: "", WAYLAND_DISPLAY: "" });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no clipboard is available: there is no graphical display|copied the TD2 prompt/);
    if (result.stderr.includes("no clipboard")) expect(result.stdout).toContain("# TD2: Config Management");
  });

  it("prompt with an unknown id is a usage error that suggests the nearest id", async () => {
    const result = await runCli(["prompt", "TD22"], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no workstream `TD22`; the plan has: TD1, TD2, TD3, TD4, WS1, WS2, WS3");
    expect(result.stderr).toContain("hint: Did you mean `TD2`?");
  });

  it("export --json gives the whole model and schedule with a schema version", async () => {
    const result = await runCli(["export", "--json"], project);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { schemaVersion: number; plan: { workstreams: { id: string }[] }; schedule: { withWaves: { high: { makespan: number } } }; diagnostics: unknown[] };
    expect(data.schemaVersion).toBe(1);
    expect(data.plan.workstreams.map((w) => w.id)).toEqual(["TD1", "TD2", "TD3", "TD4", "WS1", "WS2", "WS3"]);
    expect(data.schedule.withWaves.high.makespan).toBe(9);
  });

  it("list filters by status", async () => {
    const risks = await runCli(["list", "risks", "--status", "monitoring"], project);
    expect(risks.stdout.trim().split("\n")).toHaveLength(2);
    expect(risks.stdout).toContain("R3");
    const none = await runCli(["list", "decisions", "--status", "proposed"], project);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe("no decisions with status proposed\n");
    const bad = await runCli(["list", "wavez"], project);
    expect(bad.code).toBe(2);
  });

  it("schedule prints the figures as tables, and --json the same figures", async () => {
    const table = await runCli(["schedule"], project);
    expect(table.stdout).toMatch(/makespan \(days\) +9 +7/);
    expect(table.stdout).toMatch(/critical path +TD4 → wave 2 merge → TD3 +TD4/);
    const json = JSON.parse((await runCli(["schedule", "--json"], project)).stdout) as { schedule: { sequentialTotal: { low: number; high: number } } };
    expect(json.schedule.sequentialTotal).toEqual({ low: 25, high: 26 });
  });
});

describe("help", () => {
  it.each(COMMANDS)("`%s --help` explains the command with an example", async (command) => {
    const result = await runCli([...command.split(" "), "--help"], REPO);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: paraplan /);
    expect(result.stdout).toContain("Examples:\n  paraplan ");
  });

  it("the README's command reference names every command and every option of --help", async () => {
    const readme = await readFile(path.join(REPO, "README.md"), "utf8");
    const reference = readme.slice(readme.indexOf("## Commands"), readme.indexOf("### Diagnostics"));
    for (const command of COMMANDS) {
      expect(reference, `README lacks \`paraplan ${command}\``).toContain(`paraplan ${command}`);
      const help = (await runCli([...command.split(" "), "--help"], REPO)).stdout;
      for (const [, flag] of help.matchAll(/^ {2}(--[a-z-]+)/gm)) {
        if (flag === "--help") continue;
        expect(reference, `README lacks ${flag} of ${command}`).toContain(flag!);
      }
    }
  });
});

describe("colour", () => {
  it("is off when output is not a terminal, and with NO_COLOR even when forced", async () => {
    const project = await autodProject();
    await writeFile(path.join(project, "plan", "workstreams", "TD2-config-management.md"), "---\nid: TD2\ndays: x\n---\n");
    const plain = await runCli(["validate"], project);
    expect(plain.stdout).not.toContain("\u001b[");
    const forced = await runCli(["validate"], project, { FORCE_COLOR: "1" });
    expect(forced.stdout).toContain("\u001b[");
    const noColor = await runCli(["validate", "--no-color"], project, { FORCE_COLOR: "1" });
    expect(noColor.stdout).not.toContain("\u001b[");
    const env = await runCli(["validate"], project, { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(env.stdout).not.toContain("\u001b[");
  });
});

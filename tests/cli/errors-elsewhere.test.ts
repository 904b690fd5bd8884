import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let project: string;

/** Runs the CLI in-process in the project, without the disk cache. */
const paraplan = (...argv: string[]) => runInProcess(["--no-cache", ...argv], project);

const adr = (name: string, ...text: string[]) => writeFile(path.join(project, "plan", "decisions", name), `${text.join("\n")}\n`);

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-elsewhere-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
});
afterEach(async () => rm(project, { recursive: true, force: true }));

describe("an error in one record does not stop what does not read it", () => {
  it("a link in an imported ADR's prose to an ADR outside the plan is a warning: generate writes everything", async () => {
    await adr(
      "0004-imported.md",
      "# 4. Imported",
      "",
      "## Status",
      "",
      "Accepted",
      "",
      "Amended by [45. Elsewhere](0045-elsewhere.md)",
      "",
      "## Context",
      "",
      "Why.",
      "",
      "## Decision",
      "",
      "This.",
      "",
      "## Consequences",
      "",
      "Some.",
    );
    const result = await paraplan("generate");
    expect(result.stderr).toMatch(/plan\/decisions\/0004-imported\.md:7:\d+ warning decision-link-outside-plan link to ADR `0045-elsewhere\.md`/);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(project, "out", "adr", "0004-imported.md"), "utf8")).toContain("0045-elsewhere");
  });

  it("prompt renders a workstream whose prompt reads no record with an error, printing the errors on stderr", async () => {
    await adr("0004-bad.md", "---", "status: accepted", "supersedes: [99]", "---", "", "# 4. Bad");
    const result = await paraplan("prompt", "TD2");
    expect(result.stderr).toMatch(/plan\/decisions\/0004-bad\.md:3:\d+ error unknown-decision/);
    expect(result.stderr).toContain("none in what the TD2 prompt reads");
    expect(result.code).toBe(0);
    // The very prompt generate writes once the error is gone.
    await rm(path.join(project, "plan", "decisions", "0004-bad.md"));
    expect((await paraplan("generate")).code).toBe(0);
    // The prompt as generated, without the generated-file header.
    expect((await readFile(path.join(project, "out", "prompts", "TD2_CONFIG_MANAGEMENT.md"), "utf8")).endsWith(result.stdout)).toBe(true);
    expect(result.stdout.startsWith("# TD2: Config Management\n")).toBe(true);
  });

  it("prompt refuses when the error is in a record the prompt reads, or in one every document depends on", async () => {
    await adr("0004-bad.md", "---", "status: accepted", "supersedes: [99]", "workstreams: [TD2]", "---", "", "# 4. Bad");
    const readByTd2 = await paraplan("prompt", "TD2");
    expect(readByTd2.code).toBe(1);
    expect(readByTd2.stdout).toBe("");
    expect(readByTd2.stderr).toContain("errors in what the TD2 prompt reads");
    // WS1 is not governed by ADR 4: its prompt renders.
    expect((await paraplan("prompt", "WS1")).code).toBe(0);

    await rm(path.join(project, "plan", "decisions", "0004-bad.md"));
    const ws1 = path.join(project, "plan", "workstreams", "WS1-vector-store.md");
    await writeFile(ws1, (await readFile(ws1, "utf8")).replace(/^days: .*$/m, "days: lots"));
    const scheduleBroken = await paraplan("prompt", "TD2");
    expect(scheduleBroken.code).toBe(1);
    expect(scheduleBroken.stderr).toMatch(/WS1-vector-store\.md:\d+:\d+ error invalid-value/);
  });

  it("generate writes nothing while the plan has errors anywhere, and says that prompt still works", async () => {
    await adr("0004-bad.md", "---", "status: accepted", "supersedes: [99]", "---", "", "# 4. Bad");
    const result = await paraplan("generate");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing written");
    expect(result.stderr).toContain("`paraplan prompt <ID>` still prints a prompt that reads none of the records with errors");
    expect(existsSync(path.join(project, "out"))).toBe(false);
  });
});

describe("rendering around errors", () => {
  it("never throws on any invalid fixture plan, and renders nothing that reads a file with an error", async () => {
    const { readdirSync } = await import("node:fs");
    const { buildOutputs } = await import("../../src/io/build-outputs.js");
    const fixtures = path.join(REPO, "tests", "fixtures", "invalid");
    for (const name of readdirSync(fixtures)) {
      const root = path.join(fixtures, name);
      if (!existsSync(path.join(root, "plan"))) continue;
      const result = await buildOutputs({ planDir: path.join(root, "plan"), root, aroundErrors: true });
      const broken = new Set(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
      for (const file of result.files)
        expect(
          file.sources.filter((s) => broken.has(s)),
          `${name}: ${file.path}`,
        ).toEqual([]);
    }
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let project: string;

/** Runs the CLI in-process in the project, without the disk cache. */
const paraplan = (...argv: string[]) => runInProcess(["--no-cache", ...argv], project);

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-guidance-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
  await writeFile(
    path.join(project, "plan", "decisions", "0004-config-service.md"),
    ["---", "number: 4", "status: proposed", "date: 2025-10-20", "---", "", "# 4. Config Service", "", "## Context", "", "Why.", "", "## Decision", "", "A service.", ""].join("\n"),
  );
});
afterEach(async () => rm(project, { recursive: true, force: true }));

describe("superseding an ADR by one that is not accepted", () => {
  it("warns that the prompts it governed lose its guidance, and its page no longer says those prompts refer to it", async () => {
    const before = await readFile(path.join(project, "plan", "decisions", "0003-config-management-on-the-critical-path.md"), "utf8");
    expect(before).toContain("workstreams: [TD2, TD1, TD3, WS1, WS2, WS3]");
    const superseded = await paraplan("decision", "supersede", "3", "--by", "4");
    const said = superseded.stdout + superseded.stderr;
    expect(said).toMatch(
      /0003-config-management-on-the-critical-path\.md:\d+:\d+ warning decision-guidance-lost ADR-0003 is superseded by ADR-0004 \(proposed\), which is not accepted: the prompts of TD2, TD1, TD3, WS1, WS2, WS3 cite neither/,
    );

    expect((await paraplan("generate")).code).toBe(0);
    const page = await readFile(path.join(project, "out", "adr", "0003-config-management-on-the-critical-path.md"), "utf8");
    const prompt = await readFile(path.join(project, "out", "prompts", "TD2_CONFIG_MANAGEMENT.md"), "utf8");
    // Every reference is true: the prompt cites no superseded or proposed ADR, and the page claims no prompt.
    expect(prompt).toContain("- ADR-0001: Git Worktree Parallel Execution (accepted)");
    expect(prompt).not.toMatch(/^- ADR-000[34]:/m);
    expect(page).not.toContain("(prompt)");

    // Once the new ADR is accepted and governs them, the warning is gone.
    const adr4 = path.join(project, "plan", "decisions", "0004-config-service.md");
    await writeFile(adr4, (await readFile(adr4, "utf8")).replace(/^status: .*$/m, "status: accepted\nworkstreams: [TD2]"));
    expect((await paraplan("validate")).stdout).not.toContain("decision-guidance-lost");
  });
});

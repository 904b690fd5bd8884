/** #18.1: two records that would be written to one file in `out/` are an error naming both, never a silent overwrite. */
import { readdir, rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { putFile, tempProject } from "../helpers/temp-project.js";

let root: string;
beforeEach(async () => {
  root = await tempProject("tiny", "paraplan-clash-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function put(relative: string, text: string): Promise<void> {
  return putFile(root, relative, text);
}

const workstream = (id: string, name: string) => `---\nid: ${id}\nname: ${name}\nagent: developer\ndays: 1\n---\n\n# ${id}: ${name}\n\n## Goal\n\nx\n`;
const decision = "---\nstatus: accepted\ndate: 2025-01-01\n---\n\n# Use X\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n";

describe("output paths", () => {
  it("reports two workstreams whose prompts share a file, naming both, and writes nothing", async () => {
    await put("plan/workstreams/W3.md", workstream("W3", "X Y"));
    await put("plan/workstreams/W3_X.md", workstream("W3_X", "Y"));
    for (const command of ["validate", "check", "generate"]) {
      const result = await runInProcess([command], root);
      expect(result.code, command).toBe(1);
      const text = result.stdout + result.stderr;
      expect(text).toMatch(/plan\/workstreams\/W3_X\.md:1:1 error output-path-clash workstream `W3_X` would be written to `prompts\/W3_X_Y\.md`, the file of workstream `W3`/);
      expect(text).toContain("see: plan/workstreams/W3.md:1:1 workstream `W3` is written there");
    }
    expect(await readdir(root)).not.toContain("out");
  });

  it("reports prompt files that differ only in case (one file on macOS and Windows)", async () => {
    await put("plan/workstreams/ab.md", workstream("ab", "Y"));
    await put("plan/workstreams/AB_Y.md", workstream("AB_Y", "AB Y"));
    const result = await runInProcess(["validate"], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("output-path-clash");
  });

  it("refuses an ADR file named like the ADR index instead of writing over the index", async () => {
    await put("plan/decisions/0001-use-x.md", decision);
    await put("plan/decisions/README.md", decision);
    const result = await runInProcess(["generate"], root);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/plan\/decisions\/README\.md:1:1 error output-path-clash ADR `README` would be written to `adr\/README\.md`, the file of the ADR index/);
    expect(await readdir(root)).not.toContain("out");
  });

  it("does not report one id twice: duplicate-id already names both", async () => {
    await put("plan/workstreams/A1-again.md", workstream("A1", "Parser"));
    const result = await runInProcess(["validate"], root);
    expect(result.stdout).toContain("duplicate-id");
    expect(result.stdout).not.toContain("output-path-clash");
  });
});

/** Every command that validates ends with the count of errors and warnings (#17.24); JSON diagnostics carry the counts (#17.21). */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-summary-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
  // The embedded plan has no warning: planning wave 2 a day early gives one (wave-late).
  const waves = path.join(root, "plan", "waves.md");
  await writeFile(waves, (await readFile(waves, "utf8")).replace("| Error Handling and Test Infrastructure | 4 |", "| Error Handling and Test Infrastructure | 3 |"));
  return root;
}

describe("the summary line", () => {
  it("generate and check print `N errors, M warnings` after the warnings, as validate does", async () => {
    const root = await project();
    const validate = await runInProcess(["validate"], root);
    const summary = /^\d+ errors?, \d+ warnings?$/m.exec(validate.stderr)![0];
    const warnings = Number(/(\d+) warning/.exec(summary)![1]);
    expect(warnings).toBeGreaterThan(0);
    const generate = await runInProcess(["generate"], root);
    expect(generate.code).toBe(0);
    expect(generate.stderr.endsWith(`${summary}\n`)).toBe(true);
    const check = await runInProcess(["check"], root);
    expect(check.code).toBe(0);
    expect(check.stderr.endsWith(`${summary}\n`)).toBe(true);
    // --quiet prints only problems.
    expect((await runInProcess(["generate", "--quiet"], root)).stderr).not.toContain(summary);
  });
});

describe("validate --format json", () => {
  it("gives the counts by severity beside the diagnostics", async () => {
    const root = await project();
    const result = await runInProcess(["validate", "--format", "json"], root);
    const json = JSON.parse(result.stdout) as { summary: { errors: number; warnings: number; infos: number }; diagnostics: { severity: string }[] };
    expect(Object.keys(json)).toEqual(["summary", "diagnostics"]);
    expect(json.summary).toEqual({
      errors: json.diagnostics.filter((d) => d.severity === "error").length,
      warnings: json.diagnostics.filter((d) => d.severity === "warning").length,
      infos: json.diagnostics.filter((d) => d.severity === "info").length,
    });
    expect(json.summary.warnings).toBeGreaterThan(0);
  });
});

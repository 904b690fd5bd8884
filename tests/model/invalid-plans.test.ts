import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { writeFileTree } from "../helpers/temp-project.js";
import { BASE_PLAN, expectedPath, INVALID_DIR, scenarioOutput, scenarios } from "./invalid-scenarios.js";

// Golden test: each broken plan of the catalogue in invalid-scenarios.ts gives exactly the diagnostics of its
// tests/fixtures/invalid/<scenario>/expected.txt. After a deliberate change of output: `npm run goldens:invalid`,
// then review every changed file.
const names = scenarios();

describe("invalid plans", () => {
  it("has a catalogue of at least 25 scenarios, each with its expected diagnostics and no golden left over", async () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    const folders = (await readdir(INVALID_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(names);
    for (const name of names) expect(await readdir(`${INVALID_DIR}/${name}`)).toEqual(["expected.txt"]);
  });

  it("starts every scenario from a base plan that has no diagnostic of its own", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-base-"));
    try {
      await writeFileTree(root, BASE_PLAN);
      const { plan, diagnostics } = await loadPlan(path.join(root, "plan"), root);
      expect(diagnostics).toEqual([]);
      expect(plan.workstreams.map((w) => w.id)).toEqual(["TD1", "TD2"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it.each(names)("%s", async (name) => {
    const expected = await readFile(expectedPath(name), "utf8");
    const actual = await scenarioOutput(name);
    expect(actual).not.toBe("");
    expect(actual).toBe(expected);
  });
});

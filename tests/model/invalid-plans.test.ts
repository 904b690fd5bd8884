import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { expectedPath, GENERATED, scenarioOutput, scenarios } from "./invalid-scenarios.js";

// Golden test: each broken plan under tests/fixtures/invalid/ gives exactly the diagnostics of its expected.txt.
// After a deliberate change of output: `npx tsx scripts/update-invalid-goldens.ts`, then review every changed file.
const names = await scenarios();

describe("invalid plans", () => {
  it("has a catalogue of at least 25 scenarios, each with its expected diagnostics", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    expect(names.filter((name) => !existsSync(expectedPath(name)))).toEqual([]);
    expect(Object.keys(GENERATED).filter((name) => !names.includes(name))).toEqual([]);
  });

  it.each(names)("%s", async (name) => {
    const expected = await readFile(expectedPath(name), "utf8");
    const actual = await scenarioOutput(name);
    expect(actual).not.toBe("");
    expect(actual).toBe(expected);
  });
});

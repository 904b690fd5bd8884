import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { expectedPath, INVALID_DIR, scenarioOutput, scenarios } from "./invalid-scenarios.js";

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

  it.each(names)("%s", async (name) => {
    const expected = await readFile(expectedPath(name), "utf8");
    const actual = await scenarioOutput(name);
    expect(actual).not.toBe("");
    expect(actual).toBe(expected);
  });
});

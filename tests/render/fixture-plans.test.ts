import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/list-files.js";
import { FIXTURE_PLANS, fixturePlanNames } from "../helpers/fixture-plans.js";
import { brokenLinks } from "../helpers/broken-links.js";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { renderPlan } from "../helpers/render-plan.js";

// A fixture's in-memory rendering is made once and read by each test of it (none changes it or the fixture).
const renderings = new Map<string, ReturnType<typeof renderPlan>>();
function renderFixture(name: string): ReturnType<typeof renderPlan> {
  const root = path.join(FIXTURE_PLANS, name);
  let rendering = renderings.get(name);
  if (!rendering) renderings.set(name, (rendering = renderPlan(path.join(root, "plan"), root)));
  return rendering;
}

describe.each(fixturePlanNames())("fixture plan %s", (name) => {
  const root = path.join(FIXTURE_PLANS, name);

  it("renders exactly its golden output (regenerate with `npm run goldens`)", async () => {
    const { byPath, diagnostics } = await renderFixture(name);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const expected = await listFiles(path.join(root, "expected"));
    expect(Object.keys(byPath).sort()).toEqual(expected);
    for (const file of expected) expect(byPath[file], file).toBe(await readFile(path.join(root, "expected", file), "utf8"));
  });

  it("passes markdownlint's default rules, and every relative link points at a generated file", async () => {
    const { byPath } = await renderFixture(name);
    expect(await lintMarkdown(byPath)).toEqual([]);
    expect(brokenLinks(byPath)).toEqual([]);
  });
});

describe("the twenty-workstream plan", () => {
  it("shows its file conflicts with their rules, the superseded ADR and the over-parallel warning", async () => {
    const { byPath, diagnostics } = await renderFixture("twenty");
    expect(diagnostics.map((d) => d.code).sort()).toEqual(["conflict-no-rule", "conflict-no-rule", "conflict-no-rule", "conflict-no-rule", "too-many-parallel", "wave-late"]);
    const doc = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
    expect(doc).toMatch(/^\| `src\/ui\/Footer\.tsx` +\| S04 \(owns\), S10 \(touches\) +\| S04 \+ S10 on days 3–4 +\| \*\*no rule\*\* for S04 \+ S10: add one to the Resolution Protocol +\|$/m);
    expect(
      byPath[
        "adr/0002-" +
          Object.keys(byPath)
            .find((p) => p.startsWith("adr/0002-"))!
            .slice("adr/0002-".length)
      ],
    ).toMatch(/^> \*\*Superseded\*\* by\n> \[ADR-0004: Embedded Stripe Payment Element\]\(0004-embedded-stripe-payment-element\.md\)\.$/m);
    expect(byPath["adr/README.md"]).toContain("## Superseded");
    expect(byPath["adr/README.md"]).toContain("adr4 -->|supersedes| adr2");
  });
});

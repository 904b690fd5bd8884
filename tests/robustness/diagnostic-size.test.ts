/**
 * Diagnostic size (issue #18 item 9): a diagnostic quotes at most a short excerpt of a value, so that a 500 KB YAML
 * scalar aliased 99 times gives 99 short diagnostics, not 49.5 MB of them.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { excerpt, MAX_QUOTE, MAX_TEXT } from "../../src/diagnostics/excerpt.js";
import { formatText } from "../../src/diagnostics/format.js";
import { loadPlan } from "../../src/io/load-plan.js";
import { tempProject } from "../helpers/temp-project.js";

let root: string;
beforeEach(async () => {
  root = await tempProject("tiny", "paraplan-diag-size-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("diagnostic size", () => {
  it("a 500 KB scalar aliased 99 times: each diagnostic quotes an excerpt and says how long the value was", async () => {
    const big = "W".repeat(500_000);
    const aliases = Array.from({ length: 98 }, () => "*big").join(", ");
    await writeFile(path.join(root, "plan", "workstreams", "Z1-alias.md"), `---\nid: Z1\ndays: 1\ndepends_on: [&big ${big}, ${aliases}]\n---\n\n# Z1: Alias\n`);
    const { diagnostics } = await loadPlan(path.join(root, "plan"), root);
    const quoting = diagnostics.filter((d) => d.message.includes("WWWW"));
    expect(quoting.map((d) => d.code)).toEqual(Array.from({ length: 99 }, () => "unknown-workstream"));
    for (const d of quoting) expect(d.message).toContain(`\`${"W".repeat(MAX_QUOTE - 1)}…\` (500,000 characters)`);
    const printed = formatText(diagnostics);
    expect(printed.length).toBeLessThan(200 * 1024);
  });

  it("cuts quoted values and whole texts, and leaves short ones alone", () => {
    expect(excerpt("unknown agent `pythn-pro`")).toBe("unknown agent `pythn-pro`");
    const long = `\`${"x".repeat(MAX_QUOTE + 1)}\``;
    expect(excerpt(`a ${long} b`)).toBe(`a \`${"x".repeat(MAX_QUOTE - 1)}…\` (81 characters) b`);
    expect(excerpt("y".repeat(5_000))).toHaveLength(MAX_TEXT);
    // A surrogate pair is never split.
    expect(excerpt(`\`${"😀".repeat(100)}\``)).toMatch(/^`(😀)+…` \(200 characters\)$/);
  });
});

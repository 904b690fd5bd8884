import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every diagnostic code the source can emit is exercised by some test or golden: a new code without a test fails here.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

function emittedCodes(): string[] {
  const codes = new Set<string>();
  // Every folder of the source: a code emitted anywhere must be tested somewhere.
  for (const file of files("src")) {
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/"(?:error|warning|info)",\s*(?:\w+\s*\?\s*"([a-z0-9-]+)"\s*:\s*)?"([a-z0-9-]+)"/g)) {
      if (m[1]) codes.add(m[1]);
      codes.add(m[2]!);
    }
    // `unknown-${kind}` in the references rule, one code per kind it checks.
    if (text.includes("`unknown-${kind}`")) for (const m of text.matchAll(/check\(\s*"([a-z]+)"/g)) codes.add(`unknown-${m[1]}`);
  }
  return [...codes].sort();
}

describe("diagnostic codes", () => {
  it("are each asserted by a unit test or an invalid-plan golden", () => {
    const codes = emittedCodes();
    expect(codes).toEqual(expect.arrayContaining(["yaml-syntax", "duplicate-field", "not-utf8", "unknown-agent", "unknown-risk", "table-ragged", "mixed-collection"]));
    const tested = files("tests")
      .filter((f) => /\.(ts|txt)$/.test(f) && !f.endsWith("diagnostic-codes.test.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(codes.filter((code) => !new RegExp(`(["\` ])${code}(["\` ]|$)`, "m").test(tested))).toEqual([]);
  });
});

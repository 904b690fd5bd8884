/**
 * `candidatePairs` finds the workstreams that may name a common file by look-up (equal paths, paths under a glob's
 * prefix, globs with nested prefixes). It must find exactly the pairs a comparison of every pair of entries finds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidatePairs, type Entry } from "../../src/schedule/conflicts.js";
import { isGlob, literalPrefix, nested, normalizePattern } from "../../src/schedule/file-patterns.js";

const at = { file: "x.md", start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Whether two entries may name one file, by the definition: the reference the look-ups must agree with. */
function mayShare(a: string, b: string): boolean {
  const [ga, gb] = [isGlob(a), isGlob(b)];
  if (!ga && !gb) return a === b;
  if (ga && gb) return nested(literalPrefix(a), literalPrefix(b));
  const [glob, path] = ga ? [a, b] : [b, a];
  const prefix = literalPrefix(glob);
  return prefix === "" || path === prefix || path.startsWith(`${prefix}/`);
}

function allPairs(entries: readonly Entry[][]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) if (entries[i]!.some((a) => entries[j]!.some((b) => mayShare(a.pattern, b.pattern)))) pairs.push([i, j]);
  }
  return pairs;
}

// Paths and globs over a few nested folders, so that equal paths, paths under globs and nested prefixes all occur.
const segment = fc.constantFrom("src", "src2", "a", "b", "lib", ".github");
const pattern = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 3 }), fc.constantFrom("x.ts", "y.md", "*.ts", "**", "", "**/*.md", "{a,b}.ts", "!(z).ts"))
  .map(([dirs, last]) => normalizePattern([...dirs, last].filter((p) => p !== "").join("/") || "**"));
const entry = (kind: Entry["kind"]) => pattern.map((p): Entry => ({ pattern: p, written: p, kind, at }));
const workstreams = fc.array(fc.array(fc.oneof(entry("owns"), entry("touches")), { maxLength: 4 }), { maxLength: 12 });

describe("candidate pairs of workstreams for file conflicts", () => {
  it("are exactly the pairs with entries that may name one file", () => {
    fc.assert(
      fc.property(workstreams, (entries) => {
        expect(candidatePairs(entries)).toEqual(allPairs(entries));
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it("are found among 10,000 globs under distinct folders and one glob over them all", () => {
    const entries: Entry[][] = Array.from({ length: 10_000 }, (_, i) => [
      { pattern: `tests/mod${i}/**`, written: "", kind: "owns", at },
      { pattern: `src/mod${i}/index.ts`, written: "", kind: "owns", at },
    ]);
    entries.push([{ pattern: "tests/**", written: "", kind: "touches", at }]);
    const pairs = candidatePairs(entries);
    expect(pairs).toHaveLength(10_000);
    expect(pairs.every(([i, j]) => j === 10_000 && i < 10_000)).toBe(true);
  });
});

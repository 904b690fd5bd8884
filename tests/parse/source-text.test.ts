/** Positions: the line index answers exactly as vfile-location did, in logarithmic instead of linear time per look-up. */
import fc from "fast-check";
import { location } from "vfile-location";
import { describe, expect, it } from "vitest";
import { sourceText } from "../../src/parse/source-text.js";

describe("sourceText", () => {
  it("gives the line and column vfile-location gives, for every offset, with \\n, \\r\\n and lone \\r", () => {
    const unit = fc.constantFrom("a", "é", "😀", "\n", "\r", "\r\n", " ");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(60), (parts, n) => {
        const text = parts.join("");
        const offset = Math.min(n, text.length);
        const expected = location(text).toPoint(offset)!;
        const { start } = sourceText("f.md", text).span(offset, offset);
        expect({ line: start.line, column: start.column, offset: start.offset }).toEqual({ line: expected.line, column: expected.column, offset });
      }),
      { seed: 20251016, numRuns: 2000 },
    );
  });

  it("clamps offsets outside the text to its ends", () => {
    const src = sourceText("f.md", "ab\ncd");
    expect(src.span(-5, 99)).toMatchObject({ start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 3, offset: 5 } });
  });

  it("answers 100,000 look-ups in a 100,000-line file quickly (it was quadratic)", () => {
    const text = "| G | `npm test` | passes |\n".repeat(100_000);
    const src = sourceText("f.md", text);
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) src.span(i * 27, i * 27 + 5);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/**
 * Fuzzing the shapes that make the Markdown parser slow (issue #18 item 6): lines that open many list items or quotes
 * at once, nested lists whose items alternate levels, deep quotes between blank lines, lazy continuation lines. Any
 * file, refused by a limit or read, must be answered in time linear in its size and in bounded memory.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/parse/limits.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import { LONG, settings } from "./helpers/fuzz.js";

const HEAD = "---\nid: A1\ndays: 1\n---\n\n# A1: Shapes\n\n## Notes\n\n";

/**
 * Measured on a 2-core machine running six test suites at once (load average 13): plain prose parses at 25–40 ms per
 * KB there, the slowest shape within the limits (lazy lines, 200 to an item) at up to 100 ms per KB on small files.
 * Before the limits, 8,000 lines of `- - x` (47 KB) took 41 s and 2,000 nested items (20 KB) 8 s.
 */
const BUDGET = { fixedMs: 3_000, msPerKb: 150 };
/** The parser needs ~700 bytes per byte of a large table; far more means a shape that explodes. */
const MEMORY_BYTES_PER_BYTE = 2_000;

/** How many markers a line opens: mostly a few (the slowest, as every line closes what the one before opened). */
const markers = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 120 }));

/** One line (or group of lines) of a slow shape. */
const unit = fc.oneof(
  markers.map((k) => `${"- ".repeat(k)}x\n`),
  markers.map((k) => `${"> ".repeat(k)}x\n\n`),
  fc.integer({ min: 1, max: 60 }).map((k) => `${"> ".repeat(k)}- x\n`),
  fc.constant("- a\n  - b\n"),
  fc.constant("1. a\n   1. b\n      - c\n"),
  // Lazy lines cost in proportion to the lines of their paragraph before them: up to a whole file of them.
  fc.integer({ min: 1, max: 12_000 }).map((k) => `- item\n${"lazy\n".repeat(k)}`),
  fc.integer({ min: 1, max: 12_000 }).map((k) => `> quote\n${"lazy\n".repeat(k)}`),
  fc.integer({ min: 1, max: 100 }).map((k) => `${Array.from({ length: k }, (_, i) => `${"  ".repeat(i)}- x`).join("\n")}\n`),
  fc.constant("plain text line\n"),
  fc.constant("\n"),
);

/** A body of `unit`s repeated up to a size in KB, so that each shape is tried small and large. */
const body = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 2 }), fc.integer({ min: 16, max: LONG ? 500 : 64 })).map(([units, kb]) => {
  const pattern = units.join("");
  return pattern.repeat(Math.max(1, Math.floor((kb * 1024) / pattern.length)));
});

describe("slow Markdown shapes", () => {
  it("are read or refused in time linear in their size, within a memory budget", { timeout: LONG ? 3_600_000 : 120_000 }, () => {
    // The first parse loads and compiles the parser.
    parseRecord(`${HEAD}- x\n`, "plan/x.md", "workstreams/A1-x.md");
    fc.assert(
      fc.property(body, (text) => {
        const kb = (HEAD.length + text.length) / 1024;
        const heap = process.memoryUsage().heapUsed;
        const started = performance.now();
        const parsed = parseRecord(HEAD + text, "plan/workstreams/A1-x.md", "workstreams/A1-x.md");
        const ms = performance.now() - started;
        expect(ms, `${kb.toFixed(0)} KB, ${parsed.diagnostics.map((d) => d.code).join(",")}`).toBeLessThan(BUDGET.fixedMs + BUDGET.msPerKb * kb);
        expect(process.memoryUsage().heapUsed - heap).toBeLessThan(MEMORY_BYTES_PER_BYTE * (HEAD.length + text.length) + 64 * 1024 * 1024);
      }),
      settings(12),
    );
  });

  it("the issue's files are refused at once, at the line that passes the limit: too-complex", () => {
    const cases: [string, string][] = [
      // 2,480 lines of 99 list markers (496 KB): 144 s and 1.9 GB before.
      [Array.from({ length: 2_480 }, () => `${"- ".repeat(99)}x`).join("\n"), `too-complex@${10 + Math.floor(LIMITS.containers / 99)}:1`],
      // 8 list items with 19,900 lazy lines each (478 KB): 116 s before.
      [Array.from({ length: 8 }, () => `- item\n${"ab\n".repeat(19_900)}`).join("\n"), `too-complex@${10 + LIMITS.lazyLines + 1}:1`],
      // Quotes 99 deep between blank lines: quadratic in their number.
      [Array.from({ length: 600 }, () => `${"> ".repeat(99)}x`).join("\n\n"), `too-complex@${10 + 2 * Math.floor(LIMITS.containers / 99)}:1`],
      // Two-level lists whose items alternate levels: 2,000 items took 8 s.
      ["- a\n  - b\n".repeat(1_000), `too-complex@${10 + LIMITS.containers}:1`],
    ];
    for (const [text, expected] of cases) {
      const started = performance.now();
      const parsed = parseRecord(HEAD + text, "plan/x.md", "workstreams/A1-x.md");
      expect(parsed.diagnostics.map((d) => `${d.code}@${d.start.line}:${d.start.column}`)).toEqual([expected]);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("reads lists and quotes up to the limits", () => {
    const atLimit = [
      "- a\n  - b\n".repeat(LIMITS.containers / 2),
      `- item\n${"lazy\n".repeat(LIMITS.lazyLines)}`,
      `> quote\n${"lazy\n".repeat(LIMITS.lazyLines)}`,
      // Continuing a quote opens nothing: a long quote is one container.
      "> quoted line\n".repeat(5_000),
      // Lines indented under their item are not lazy.
      `- item\n${"  continued\n".repeat(5_000)}`,
    ];
    for (const text of atLimit) expect(parseRecord(HEAD + text, "plan/x.md", "workstreams/A1-x.md").diagnostics.map((d) => d.code)).toEqual([]);
  });
});

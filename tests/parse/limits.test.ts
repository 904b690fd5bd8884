/** The size and nesting guards: hostile text is refused with a diagnostic, quickly, before the parser sees it. */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/parse/limits.js";
import { parseRecord } from "../../src/parse/parse-record.js";

const HEAD = "---\nid: A1\ndays: 1\n---\n\n# A1: Deep\n\n## Notes\n\n";

/** Parses a workstream file whose Notes section is `body`; returns the diagnostics as `code@line:column`, and the time. */
function parse(body: string, relative = "workstreams/A1-deep.md") {
  const started = performance.now();
  const parsed = parseRecord(HEAD + body, "plan/x.md", relative);
  return { codes: parsed.diagnostics.map((d) => `${d.code}@${d.start.line}:${d.start.column}`), records: parsed.records.length, ms: performance.now() - started, parsed };
}

describe("limits", () => {
  it("refuses a file over the size limit without parsing it: too-large at 1:1", () => {
    const { codes, records, ms, parsed } = parse("word ".repeat(LIMITS.fileChars / 5 + 10));
    expect(codes).toEqual(["too-large@1:1"]);
    expect(records).toBe(0);
    expect(parsed.diagnostics[0]!.message).toMatch(/^file has [\d,]+ characters; paraplan reads at most 524,288 per file$/);
    expect(ms).toBeLessThan(1000);
  });

  it("reads a file just under the size limit", () => {
    const paragraph = `${"The plan grows. ".repeat(40)}\n\n`;
    const body = paragraph.repeat(Math.floor((LIMITS.fileChars - HEAD.length) / paragraph.length));
    expect(parse(body).codes).toEqual([]);
  });

  it("refuses lists and quotes nested beyond the limit, on the line that goes too deep: too-deep", () => {
    expect(parse(`${"- ".repeat(LIMITS.nesting)}x\n`).codes).toEqual([]);
    expect(parse(`${"- ".repeat(10_000)}x\n`).codes).toEqual(["too-deep@10:1"]);
    expect(parse(`${"> ".repeat(10_000)}x\n`).codes).toEqual(["too-deep@10:1"]);
    const indented = Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    expect(parse(indented).codes).toEqual(["too-deep@110:1"]);
  });

  it("measures nesting exactly after parsing: emphasis 150 deep is too-deep where it starts", () => {
    const { codes } = parse(`${"*a ".repeat(150)}x${" a*".repeat(150)}\n`);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^too-deep@10:\d+$/);
  });

  it("does not count code: a fenced block with deep indentation and stars is text", () => {
    const code = `\`\`\`python\n${Array.from({ length: 300 }, (_, i) => `${" ".repeat(i * 2)}x = a ** b * c  # ${"*".repeat(i % 7)}`).join("\n")}\n\`\`\`\n`;
    expect(parse(code).codes).toEqual([]);
  });

  it("refuses a paragraph with thousands of emphasis or link marks, or words: too-complex where it starts", () => {
    expect(parse(`Intro.\n\n${"*a* ".repeat(LIMITS.emphasisRuns)}\n`).codes).toEqual(["too-complex@12:1"]);
    expect(parse(`${"[".repeat(5_000)}x${"](u)".repeat(5_000)}\n`).codes).toEqual(["too-complex@10:1"]);
    expect(parse(`${"word ".repeat(LIMITS.paragraphWords + 1)}\n`).codes).toEqual(["too-complex@10:1"]);
    // Each table row is read on its own: a long table of emphasis is fine.
    expect(parse(`| a | b |\n| - | - |\n${"| *x* | _y_ |\n".repeat(3_000)}`).codes).toEqual([]);
    // Marks inside inline code are not marks.
    expect(parse(`${"`a*b_c` ".repeat(3_000)}\n`).codes).toEqual([]);
  });

  it("refuses hundreds of setext headings, which the parser handles in quadratic time: too-complex", () => {
    expect(parse("Title\n=====\n\n".repeat(LIMITS.setextHeadings)).codes).toEqual([]);
    expect(parse("Title\n=====\n".repeat(LIMITS.setextHeadings + 1)).codes[0]).toMatch(/^too-complex@/);
  });

  it("reports front matter nested too deeply to read as too-deep, inside the front matter", () => {
    const parsed = parseRecord(`---\nid: A1\ndays: 1\nowns: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n---\n\n# A1: x\n`, "plan/x.md", "workstreams/A1.md");
    const deep = parsed.diagnostics.filter((d) => d.code === "too-deep");
    expect(deep).toHaveLength(1);
    expect(deep[0]!.start.line).toBe(4);
  });

  it("cannot be sidestepped: text that only looks like a fence, a table or a code span is still counted", () => {
    const nested = "*a ".repeat(3_000) + "x" + " a*".repeat(3_000);
    const fakes = [
      "```x`\n" + nested, // a backtick fence's info string may not hold a backtick: this is a paragraph
      "|-|\n" + Array.from({ length: 3_000 }, () => "*a |").join("\n"), // a delimiter row with no header row: no table
      "`` " + nested + " ```", // a code span closes only at a run of as many backticks
    ];
    for (const body of fakes) expect(parse(`${body}\n`).codes[0]).toMatch(/^too-complex@/);
    expect(parseRecord(`---\nid: A1\n---   \n${nested}\n---\n`, "plan/x.md", "workstreams/A1.md").diagnostics.map((d) => d.code)).toEqual(["too-complex"]);
  });

  it("refuses a table of more than 200 columns at its delimiter row: too-complex", () => {
    const wide = (n: number) => `${"|a".repeat(n)}|\n${"|-".repeat(n)}|\n|x|\n`;
    expect(parse(wide(200)).codes).toEqual([]);
    expect(parse(wide(201)).codes).toEqual([`too-complex@${HEAD.split("\n").length + 1}:1`]);
  });

  it("answers every pathological input of CommonMark's test suite in time linear in its size, as plain text of that size", () => {
    const cases = [
      "*a **a ".repeat(5_000) + "b" + " a** a*".repeat(5_000),
      "a* ".repeat(50_000),
      "[a ".repeat(50_000),
      "*a_ ".repeat(50_000),
      "[".repeat(50_000) + "a" + "]".repeat(50_000),
      "[a](<b ".repeat(20_000),
      "|a".repeat(20_000) + "|\n" + "|-".repeat(20_000) + "|\n" + "|\n".repeat(20_000),
      "a\n=\n".repeat(20_000),
      Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"),
    ];
    // Measured against plain prose of the same length parsed just before, so a loaded machine slows both alike: a
    // quadratic case is hundreds of times slower, far past the margin.
    for (const body of cases) {
      const plain = parse(`${"word ".repeat(Math.ceil(body.length / 5)).slice(0, body.length)}`).ms;
      const { ms } = parse(body);
      expect(ms).toBeLessThan(30 * plain + 1_000);
    }
  });
});

import fc from "fast-check";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/parse/processor.js";
import { compactRow, wrapMarkdown } from "../../src/render/wrap-markdown.js";
import { lintMarkdown } from "../helpers/lint-markdown.js";

const long = (words: number, word = "word") => Array.from({ length: words }, (_, i) => `${word}${i}`).join(" ");

/** The tree of a document without positions, whitespace inside text folded: what a reader of the rendered page sees. */
function meaning(markdown: string): unknown {
  const strip = (node: Nodes): unknown => {
    const out: Record<string, unknown> = { ...node };
    delete out.position;
    if ("value" in node && typeof node.value === "string" && node.type !== "code") out.value = node.value.replace(/\s+/g, " ").trim();
    if ("children" in node) out.children = (node.children as Nodes[]).map(strip);
    return out;
  };
  return strip(parseMarkdown(markdown));
}

describe("wrapMarkdown", () => {
  it("re-flows a paragraph's lines and wraps them at 80 columns", () => {
    const out = wrapMarkdown(`# T\n\n${long(12)}\n${long(20, "more")}\n`);
    const lines = out.split("\n");
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines[2]!.length).toBeGreaterThan(70);
    expect(out.replace(/\s+/g, " ")).toBe(`# T ${long(12)} ${long(20, "more")} `);
  });

  it("indents continuation lines under list items and repeats block-quote markers", () => {
    const out = wrapMarkdown(`* ${long(16)}\n  1. ${long(16)}\n\n> ${long(16)}\n`);
    expect(out).toBe(
      [
        "- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11",
        "  word12 word13 word14 word15",
        "  1. word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11",
        "     word12 word13 word14 word15",
        "",
        "> word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11",
        "> word12 word13 word14 word15",
        "",
      ].join("\n"),
    );
  });

  it("never breaks inside code spans or links, after a backslash, or before text that would start a block", () => {
    const text = `${"x".repeat(60)} \`a code span\` [link text](https://e.x/a) end\\ - 1. # > | 10) tail`;
    const out = wrapMarkdown(text);
    expect(out).toContain("`a code span`");
    expect(out).toContain("[link text](https://e.x/a)");
    for (const line of out.split("\n").slice(1)) expect(line).not.toMatch(/^(?:- |1\. |# |> |\| |10\) )/);
    expect(meaning(out)).toEqual(meaning(text));
  });

  it("keeps code, headings, HTML and hard line breaks as written", () => {
    const code = `\`\`\`bash\n${long(30)}\n\`\`\``;
    const heading = `## ${long(20)}`;
    const html = `<details>\n${long(30)}\n</details>`;
    const breaks = "first line  \nsecond line\\\nthird";
    const doc = [code, heading, html, breaks].join("\n\n");
    expect(wrapMarkdown(doc)).toBe(`${doc}\n`);
  });

  it("collapses blank lines, trims trailing spaces, ends with one newline", () => {
    expect(wrapMarkdown("\n\n# T\n\n\n\ntext   \nmore\t\n\n\n")).toBe("# T\n\ntext  \nmore\n");
  });

  it("rewrites table rows in the compact style, keeping every cell", () => {
    expect(compactRow("|a|  b  |")).toBe("| a | b |");
    expect(compactRow("a | b")).toBe("| a | b |");
    expect(compactRow("|:--|--:|:-:|")).toBe("| :--- | ---: | :---: |");
    expect(compactRow("| x \\| y |   |")).toBe("| x \\| y | |");
    expect(wrapMarkdown("| A | B |\n|---|---|\n| 1 |  |\n")).toBe("| A | B |\n| --- | --- |\n| 1 | |\n");
  });

  it("numbers repeated headings when asked (quoted ADRs in a session log), never a comment in code, and stays idempotent", async () => {
    const doc = [
      "# Log",
      "## Decisions",
      "### ADR-0003: Cache",
      "### Confirmation",
      "A load test.",
      "```bash\n# Confirmation\n# Confirmation\n```",
      "### ADR-0004: GraphQL",
      "### Confirmation ###",
      "One query per page.",
      "## Confirmation (2)",
      "- item\n\n  ### Confirmation",
    ].join("\n\n");
    const out = wrapMarkdown(doc, { uniqueHeadings: true });
    expect(out.split("\n").filter((l) => /^ *#/.test(l))).toEqual([
      "# Log",
      "## Decisions",
      "### ADR-0003: Cache",
      "### Confirmation",
      "# Confirmation",
      "# Confirmation",
      "### ADR-0004: GraphQL",
      "### Confirmation (2)",
      "## Confirmation (2) (2)",
      "  ### Confirmation (3)",
    ]);
    expect(wrapMarkdown(out, { uniqueHeadings: true })).toBe(out);
    expect(wrapMarkdown(doc)).not.toContain("(2) (2)");
    expect(await lintMarkdown({ "log.md": out })).toEqual([]);
  });

  it("is idempotent", () => {
    const doc = `# T\n\n* ${long(30)}\n\n| a | b |\n|-|-|\n\n${long(25)}\n`;
    expect(wrapMarkdown(wrapMarkdown(doc))).toBe(wrapMarkdown(doc));
  });

  // The generator builds documents from the constructs the layout must respect, with words, code spans and links
  // short enough that every prose line can be wrapped, so markdownlint's line length is checked too.
  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  const inline = fc.oneof(
    { weight: 12, arbitrary: word },
    fc.constantFrom("`a code`", "[a link](https://e.x/p)", "**bold**", "_em_", "-", "*", "+", "#", "##", "1.", "2)", ">", "<b>", "&amp;", "===", "---", "a\\", "10.5", "x|y", "[x]"),
  );
  // Lines start with a word: a line that opens a heading or two blocks at once (`- + item`) is kept as written.
  const line = fc.tuple(word, fc.array(inline, { maxLength: 30 })).map(([first, parts]) => [first, ...parts].join(" "));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));
  const list = fc
    .tuple(fc.constantFrom("-", "*", "1.", "2)"), fc.array(fc.tuple(paragraph, fc.boolean()), { minLength: 1, maxLength: 3 }))
    .map(([marker, items]) => items.map(([text, nested]) => `${marker} ${text.replace(/\n/g, "\n   ")}${nested ? `\n   - ${text.split("\n")[0]}` : ""}`).join("\n"));
  const block = fc.oneof(
    { weight: 4, arbitrary: paragraph },
    { weight: 2, arbitrary: list },
    fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => `## ${w.join(" ")}`),
    paragraph.map((p) => `> ${p.replace(/\n/g, "\n> ")}`),
    fc.array(line, { maxLength: 3 }).map((lines) => ["```text", ...lines, "```"].join("\n")),
    fc.array(fc.array(word, { minLength: 2, maxLength: 2 }), { maxLength: 3 }).map((rows) => ["| A | B |", "|---|:-:|", ...rows.map((r) => `|${r[0]}|  ${r[1]}  |`)].join("\n")),
  );
  const document = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => `# Title\n\n${blocks.join("\n\n")}\n`);

  it("changes no document's meaning, is idempotent and keeps prose within 80 columns (property)", async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const out = wrapMarkdown(doc);
        expect(meaning(out)).toEqual(meaning(doc));
        expect(wrapMarkdown(out)).toBe(out);
        const lint = (await lintMarkdown({ doc: out })).filter((l) => / MD013\//.test(l));
        if (lint.length > 0) failures.push(...lint);
        expect(lint).toEqual([]);
      }),
      { numRuns: Number(process.env.LAYOUT_RUNS ?? 200), seed: Number(process.env.LAYOUT_SEED ?? 20261129) },
    );
    expect(failures).toEqual([]);
  });
});

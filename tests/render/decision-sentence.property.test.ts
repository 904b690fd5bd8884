/**
 * The ADR index's one-sentence summary parses only a decision's opening paragraph when it can (a page of rationale
 * parsed for one sentence cost the index a parse of every ADR). Whatever the text, the summary must be the one that
 * parsing the whole decision gives.
 */
import type { Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/model/types.js";
import { parseMarkdown } from "../../src/parse/processor.js";
import { decisionSentence, openingText } from "../../src/render/views/decision-summary.js";
import { runs } from "../robustness/helpers/fuzz.js";

/** The summary as it was computed before the shortcut: the whole decision parsed. */
function wholeParse(markdown: string): string {
  const tree = parseMarkdown(markdown);
  const first = tree.children.find((n): n is Paragraph => n.type === "paragraph") ?? tree.children.find((n) => n.type === "list");
  return toString(first ?? { type: "root", children: [] })
    .replace(/\s+/g, " ")
    .trim();
}

const decision = (text: string) => ({ decision: text }) as Decision;

// Pieces that change how an opening paragraph parses, or whether there is one: references defined later, fences and
// HTML blocks that run across blank lines, headings, lists, tables, indented code, setext underlines.
const PIECES = [
  "Use Postgres for the store.",
  "We chose *remark*, because it is small. Then more.",
  "[the spec] says so.",
  "[the spec]: https://example.com/spec",
  "![logo][l] first.",
  "[l]: logo.png",
  "```js\nconst a = 1;",
  "```",
  "<!-- a comment",
  "-->",
  "<div>",
  "# Heading",
  "Title\n===",
  "- first item. Second.",
  "1. numbered",
  "| a | b |\n| - | - |\n| 1 | 2 |",
  "    indented code",
  'Chosen option: "X", because it works.',
  "e.g. this does not end it. This does.",
  "   ",
  "> quoted. Text.",
];

describe("the ADR index's summary sentence", () => {
  it("is taken from the text that parsing the whole decision gives", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 6 }), fc.array(fc.constantFrom("\n", "\n\n", "\n\n\n"), { minLength: 6, maxLength: 6 }), (pieces, gaps) => {
        const text = pieces.map((p, i) => `${p}${gaps[i]}`).join("");
        expect(openingText(text)).toBe(wholeParse(text));
      }),
      { seed: 20261206, numRuns: runs(300) },
    );
  });

  it("reads a reference defined after the opening paragraph", () => {
    expect(decisionSentence(decision("[the spec] decides it.\n\n[the spec]: https://example.com"))).toBe("the spec decides it.");
  });
});

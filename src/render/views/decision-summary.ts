import type { Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Decision } from "../../model/types.js";
import { parseMarkdown } from "../../parse/processor.js";

/** Longer than this, a summary is cut at a word and ends with `…`: an index row stays one line a reviewer can scan. */
const MAX_SUMMARY = 220;

/**
 * An ADR's decision in one sentence, for the index: the first sentence of its Decision section as plain text (MADR's
 * `Chosen option: "X", because …` included), escaped for Markdown, or null when it has none. Plain text, because a
 * sentence cut short must not leave a code span or a link open.
 */
export function decisionSentence(d: Decision): string | null {
  const text = openingText(d.decision);
  if (text === "") return null;
  // A sentence ends at `.`, `!` or `?` followed by a space and a capital, a quote or a digit: `e.g. this` does not end it.
  const sentence = /^.*?[.!?](?=\s+["'“(\p{Lu}\d])/u.exec(text)?.[0] ?? text;
  if (sentence.length <= MAX_SUMMARY) return escapeInline(sentence);
  const cut = sentence.slice(0, MAX_SUMMARY - 1);
  return escapeInline(`${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_SUMMARY / 2)).replace(/[\s,;:]+$/, "")}…`);
}

/** The plain text of the first paragraph of some Markdown (else of its first list), spaces collapsed; empty when it has neither. */
export function openingText(markdown: string): string {
  const first = leadingParagraph(markdown) ?? parseMarkdown(markdown).children.find((n): n is Paragraph => n.type === "paragraph");
  const list = first ? undefined : parseMarkdown(markdown).children.find((n) => n.type === "list");
  return toString(first ?? list ?? { type: "root", children: [] })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first paragraph, parsed alone, when the text opens with one: most decisions do, and parsing a page of rationale
 * for its first sentence cost the index a parse of every ADR. Nothing after a blank line changes how an opening
 * paragraph parses, except a reference definition completing a `[link]`: with a bracket, the whole text is parsed.
 */
function leadingParagraph(markdown: string): Paragraph | undefined {
  const head = markdown.replace(/^\s*\n/, "").split(/\n[ \t]*\n/, 1)[0] ?? "";
  if (head.trim() === "" || head.includes("[")) return undefined;
  const [node, ...rest] = parseMarkdown(head).children;
  return node?.type === "paragraph" && rest.length === 0 ? node : undefined;
}

/** Plain text as Markdown that reads as that text: `<id>`, `*`, `_` and the like escaped (a table cell escapes pipes itself). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#~&]/g, "\\$&");
}

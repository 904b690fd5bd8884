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
  const first = parseMarkdown(d.decision).children.find((n): n is Paragraph => n.type === "paragraph");
  const list = first ? undefined : parseMarkdown(d.decision).children.find((n) => n.type === "list");
  const text = toString(first ?? list ?? { type: "root", children: [] })
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return null;
  // A sentence ends at `.`, `!` or `?` followed by a space and a capital, a quote or a digit: `e.g. this` does not end it.
  const sentence = /^.*?[.!?](?=\s+["'“(\p{Lu}\d])/u.exec(text)?.[0] ?? text;
  if (sentence.length <= MAX_SUMMARY) return escapeInline(sentence);
  const cut = sentence.slice(0, MAX_SUMMARY - 1);
  return escapeInline(`${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_SUMMARY / 2)).replace(/[\s,;:]+$/, "")}…`);
}

/** Plain text as Markdown that reads as that text: `<id>`, `*`, `_` and the like escaped (a table cell escapes pipes itself). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#~&]/g, "\\$&");
}

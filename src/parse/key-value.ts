import type { List, Paragraph } from "mdast";
import type { Location } from "../diagnostics/diagnostic.js";
import type { SourceText } from "./source-text.js";

/** One `**Key:** value` or `* Key: value` line. */
export interface KeyValueLine {
  key: string;
  value: string;
  keyAt: Location;
  at: Location;
}

// `**Key:** value`, `**Key**: value`, `__Key:__ value`: the forms the seed and MADR use.
const STRONG_KEY = /^(\*\*|__)([^*_\n]{1,60}?)(:\1|\1:)[ \t]*(.*)$/s;
// `Key: value` inside a list item (MADR `* Status: accepted`); keys are short words, not sentences.
const PLAIN_KEY = /^([\p{L}][\p{L}\p{N} _-]{0,40}?):[ \t]+(.*)$|^([\p{L}][\p{L}\p{N} _-]{0,40}?):$/su;

/** Reads a paragraph whose every line is a `**Key:** value` line; undefined when any line is not. */
export function keyValueParagraph(node: Paragraph, src: SourceText): KeyValueLine[] | undefined {
  const start = node.position?.start.offset ?? 0;
  const raw = src.slice(node);
  const lines: KeyValueLine[] = [];
  let offset = start;
  for (const line of raw.split("\n")) {
    const trimmedEnd = line.replace(/[ \t\r]+$/, "").replace(/\\$/, "");
    const indent = trimmedEnd.length - trimmedEnd.trimStart().length;
    const match = STRONG_KEY.exec(trimmedEnd.trimStart());
    if (!match) return undefined;
    const key = match[2]!.trim();
    const value = match[4]!.trim();
    const keyStart = offset + indent + match[1]!.length;
    const valueStart = offset + indent + trimmedEnd.trimStart().length - match[4]!.length;
    lines.push({ key, value, keyAt: src.span(keyStart, keyStart + key.length), at: src.span(valueStart, valueStart + value.length) });
    offset += line.length + 1;
  }
  return lines.length > 0 ? lines : undefined;
}

/** Reads a list whose every item is one `Key: value` line (bold or plain); undefined when any item is not. */
export function keyValueList(node: List, src: SourceText): KeyValueLine[] | undefined {
  const lines: KeyValueLine[] = [];
  for (const item of node.children) {
    const only = item.children.length === 1 ? item.children[0] : undefined;
    if (!only || only.type !== "paragraph") return undefined;
    const raw = src.slice(only);
    if (raw.includes("\n")) return undefined;
    const start = only.position?.start.offset ?? 0;
    const strong = STRONG_KEY.exec(raw);
    if (strong) {
      const keyStart = start + strong[1]!.length;
      const value = strong[4]!.trim();
      const valueStart = start + raw.length - strong[4]!.length;
      lines.push({ key: strong[2]!.trim(), value, keyAt: src.span(keyStart, keyStart + strong[2]!.trim().length), at: src.span(valueStart, valueStart + value.length) });
      continue;
    }
    const plain = PLAIN_KEY.exec(raw);
    if (!plain) return undefined;
    const key = (plain[1] ?? plain[3] ?? "").trim();
    const value = (plain[2] ?? "").trim();
    const valueStart = start + raw.length - (plain[2] ?? "").length;
    lines.push({ key, value, keyAt: src.span(start, start + key.length), at: src.span(valueStart, valueStart + value.length) });
  }
  return lines.length > 0 ? lines : undefined;
}

// `Date: 2016-02-12` on a line of its own (adr-tools), `日期: 2017/11/22` (phodal/adr); a full-width colon is read too.
const PLAIN_LINE = /^([\p{L}][\p{L}\p{N} _-]{0,40}?)[:：][ \t]*(.*)$/su;

/**
 * Reads a paragraph whose every line is a plain `Key: value` line with a key `accept` takes; undefined otherwise.
 * Plain lines are common prose ("Note: …"), so only keys the record kind knows are fields.
 */
export function plainKeyValueParagraph(node: Paragraph, src: SourceText, accept: (key: string) => boolean): KeyValueLine[] | undefined {
  const start = node.position?.start.offset ?? 0;
  const lines: KeyValueLine[] = [];
  let offset = start;
  for (const line of src.slice(node).split("\n")) {
    const trimmedEnd = line.replace(/[ \t\r]+$/, "");
    const indent = trimmedEnd.length - trimmedEnd.trimStart().length;
    const match = PLAIN_LINE.exec(trimmedEnd.trimStart());
    if (!match || !accept(match[1]!.trim()) || match[2]!.trim() === "") return undefined;
    const key = match[1]!.trim();
    const value = match[2]!.trim();
    const keyStart = offset + indent;
    const valueStart = offset + trimmedEnd.length - match[2]!.length;
    lines.push({ key, value, keyAt: src.span(keyStart, keyStart + key.length), at: src.span(valueStart, valueStart + value.length) });
    offset += line.length + 1;
  }
  return lines.length > 0 ? lines : undefined;
}

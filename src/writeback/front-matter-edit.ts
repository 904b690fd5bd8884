import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar, type YAMLSeq } from "yaml";
import type { FieldSpec } from "../schema/field-spec.js";
import type { FrontMatterBlock } from "./record-regions.js";
import { lineEnd, lineStart, type Splice } from "./splice.js";
import { yamlBlock, yamlScalar, type QuoteStyle, type ScalarContext } from "./yaml-scalar.js";

/** A front-matter edit, or why it cannot be made. */
export type FrontMatterResult = { splices: Splice[] } | { unsupported: string };

type Range = [number, number];

/** Reads a value back the way the model coerces it: numbers and booleans stand for their text in text and list fields. */
function acceptFor(spec: FieldSpec, intended: unknown): (read: unknown) => boolean {
  const loose = spec.type === "string" || spec.type === "date" || spec.type === "list";
  const text = (v: unknown) => (loose && (typeof v === "number" || typeof v === "boolean") ? String(v) : v);
  return (read) => text(read) === text(intended);
}

/** One scalar of a field, in a style and context. */
function scalar(spec: FieldSpec, value: unknown, style: QuoteStyle, context: ScalarContext): string {
  const v = typeof value === "number" || typeof value === "boolean" ? value : String(value);
  return yamlScalar(v, style, context, acceptFor(spec, v));
}

function styleOf(node: YamlNode | null | undefined): QuoteStyle {
  const type = isScalar(node) ? node.type : undefined;
  return type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE" ? type : "PLAIN";
}

/** The top-level pair whose key is written as `key`. */
function pairOf(fm: FrontMatterBlock, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  const contents = fm.doc.contents;
  if (!isMap(contents)) return undefined;
  return (contents.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function rangeOf(fm: FrontMatterBlock, node: YamlNode): Range {
  const [start = 0, end = start] = node.range ?? [];
  return [fm.base + start, fm.base + end];
}

/** The offset just after a pair's `:`. */
function afterColon(text: string, fm: FrontMatterBlock, pair: Pair<YamlNode, YamlNode | null>): number {
  const keyEnd = rangeOf(fm, pair.key)[1];
  const colon = text.indexOf(":", keyEnd);
  return colon === -1 ? keyEnd : colon + 1;
}

/** The value of a field as front-matter text: a scalar, a block literal for multi-line text, or a flow list. */
function valueText(spec: FieldSpec, value: unknown, style: QuoteStyle, indent: number, eol: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalar(spec, v, style, "flow")).join(", ")}]`;
  if (typeof value === "string" && value.includes("\n")) return yamlBlock(value, indent, eol);
  return scalar(spec, value, style, "block");
}

/** Replaces the value of a front-matter key in place, keeping its quoting and its list style (flow or block). */
export function setFrontMatterValue(text: string, fm: FrontMatterBlock, key: string, spec: FieldSpec, value: unknown, eol: string): FrontMatterResult {
  const pair = pairOf(fm, key);
  if (!pair) return { unsupported: `front-matter key \`${key}\` was not found` };
  const node = pair.value;
  if (isMap(node)) return { unsupported: `\`${key}\` is a YAML mapping` };
  const keyColumn = rangeOf(fm, pair.key)[0] - lineStart(text, rangeOf(fm, pair.key)[0]);
  if (!node || (isScalar(node) && node.value === null && rangeOf(fm, node)[0] === rangeOf(fm, node)[1])) {
    // `key:` with nothing after it: the value goes after the colon.
    const at = afterColon(text, fm, pair);
    return { splices: [{ start: at, end: at, text: ` ${valueText(spec, value, "PLAIN", keyColumn + 2, eol)}` }] };
  }
  const [start, end] = rangeOf(fm, node);
  if (isSeq(node)) return setSequence(text, fm, pair, node, spec, value, eol);
  const scalarNode = node as Scalar;
  const written = Array.isArray(value) ? value.map(String).join(", ") : value;
  const block = scalarNode.type === "BLOCK_LITERAL" || scalarNode.type === "BLOCK_FOLDED" || (typeof written === "string" && written.includes("\n"));
  if (block) {
    // A block scalar's range takes in its last line break; the new one ends the same way.
    const ends = text[end - 1] === "\n";
    return { splices: [{ start, end, text: yamlBlock(String(written), keyColumn + 2, eol) + (ends ? eol : "") }] };
  }
  return { splices: [{ start, end, text: scalar(spec, written, styleOf(node), "block") }] };
}

function setSequence(text: string, fm: FrontMatterBlock, pair: Pair<YamlNode, YamlNode | null>, seq: YAMLSeq, spec: FieldSpec, value: unknown, eol: string): FrontMatterResult {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const items = seq.items as YamlNode[];
  const [start, end] = rangeOf(fm, seq);
  const style = styleOf(items[0]);
  if (seq.flow) {
    const inner = text.slice(start + 1, end - 1);
    const pad = list.length > 0 && /^ /.test(inner) && !inner.includes("\n") ? " " : "";
    return { splices: [{ start, end, text: `[${pad}${list.map((v) => scalar(spec, v, style, "flow")).join(", ")}${pad}]` }] };
  }
  const last = items.at(-1);
  const lastEnd = last ? rangeOf(fm, last)[1] : end;
  if (list.length === 0) {
    const at = afterColon(text, fm, pair);
    return { splices: [{ start: at, end: lastEnd, text: " []" }] };
  }
  const first = items[0] ? rangeOf(fm, items[0])[0] : start;
  const prefix = text.slice(lineStart(text, first), first);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return { unsupported: `the list \`${String((pair.key as Scalar).value)}\` is not written one \`- entry\` per line` };
  const lines = list.map((v, i) => (i === 0 ? prefix.trimStart() : eol + prefix) + scalar(spec, v, style, "block"));
  return { splices: [{ start, end: lastEnd, text: lines.join("") }] };
}

/** Appends one entry to a front-matter list: `[a, b]` → `[a, b, c]`, a block list gets a `- c` line indented like the others. */
export function appendFrontMatterItem(text: string, fm: FrontMatterBlock, key: string, spec: FieldSpec, item: string, current: readonly unknown[], eol: string): FrontMatterResult {
  const pair = pairOf(fm, key);
  const node = pair?.value;
  if (!pair || !isSeq(node)) {
    // A scalar that holds a comma-separated list (`depends_on: TD1, TD2`), or nothing yet: the whole value is rewritten.
    return setFrontMatterValue(text, fm, key, spec, [...current, item], eol);
  }
  const items = node.items as YamlNode[];
  const style = styleOf(items[0]);
  const [start, end] = rangeOf(fm, node);
  const last = items.at(-1);
  if (node.flow) {
    if (!last) return { splices: [{ start: start + 1, end: end - 1, text: scalar(spec, item, style, "flow") }] };
    const at = rangeOf(fm, last)[1];
    return { splices: [{ start: at, end: at, text: `, ${scalar(spec, item, style, "flow")}` }] };
  }
  if (!last) return { unsupported: `the list \`${key}\` is empty` };
  const lastStart = rangeOf(fm, last)[0];
  const prefix = text.slice(lineStart(text, lastStart), lastStart);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return { unsupported: `the list \`${key}\` is not written one \`- entry\` per line` };
  // After the last entry's line, comment included.
  const at = lineEnd(text, rangeOf(fm, last)[1]);
  return { splices: [{ start: at, end: at, text: eol + prefix + scalar(spec, item, style, "block") }] };
}

/**
 * Removes the entry at `index` of a front-matter list: from `[a, b]` the entry and its comma, from a block list its
 * `- b` line (comment included), so the other entries keep their comments; the last entry leaves `key: []`.
 */
export function removeFrontMatterItem(text: string, fm: FrontMatterBlock, key: string, spec: FieldSpec, index: number, rest: readonly unknown[], eol: string): FrontMatterResult {
  const pair = pairOf(fm, key);
  const node = pair?.value;
  const items = isSeq(node) ? (node.items as YamlNode[]) : [];
  const item = items[index];
  // A comma-separated scalar, or a list whose entries are not one node each: the whole value is rewritten.
  if (!pair || !isSeq(node) || !item || items.length !== rest.length + 1) return setFrontMatterValue(text, fm, key, spec, rest, eol);
  if (rest.length === 0) return setFrontMatterValue(text, fm, key, spec, [], eol);
  const [start, end] = rangeOf(fm, item);
  if (node.flow) {
    const previous = items[index - 1];
    const next = items[index + 1];
    return { splices: [previous ? { start: rangeOf(fm, previous)[1], end, text: "" } : { start, end: next ? rangeOf(fm, next)[0] : end, text: "" }] };
  }
  const prefix = text.slice(lineStart(text, start), start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return { unsupported: `the list \`${key}\` is not written one \`- entry\` per line` };
  const after = lineEnd(text, end);
  return { splices: [{ start: lineStart(text, start), end: after + (text.startsWith("\r\n", after) ? 2 : text[after] === "\n" ? 1 : 0), text: "" }] };
}

/** One top-level front-matter line (`key: value`, lists in flow style), with its line break. */
export function frontMatterEntry(key: string, spec: FieldSpec, value: unknown, eol: string): string {
  return `${key}: ${valueText(spec, value, "PLAIN", 2, eol)}${eol}`;
}

/** Adds `key: value` as the last line of the front matter. */
export function insertFrontMatterKey(fm: FrontMatterBlock, key: string, spec: FieldSpec, value: unknown, eol: string): FrontMatterResult {
  return { splices: [{ start: fm.closing, end: fm.closing, text: frontMatterEntry(key, spec, value, eol) }] };
}

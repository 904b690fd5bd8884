import { parseDocument } from "yaml";

/** How a YAML scalar is quoted. */
export type QuoteStyle = "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE";

/** Where a scalar goes: a mapping value (`key: x`) or an entry of a flow sequence (`[a, x]`). */
export type ScalarContext = "block" | "flow";

/**
 * Writes a value as a YAML scalar in the wanted style when it reads back as `accept` wants (plain `2` for a number,
 * `'it''s'` for single quotes), else double-quoted, which holds any one-line string.
 */
export function yamlScalar(value: string | number | boolean, style: QuoteStyle, context: ScalarContext, accept: (read: unknown) => boolean = (read) => read === value): string {
  const text = String(value);
  const candidates = style === "QUOTE_SINGLE" ? [singleQuoted(text)] : style === "QUOTE_DOUBLE" ? [] : [text];
  for (const candidate of candidates) if (readsBack(candidate, context, accept)) return candidate;
  return JSON.stringify(text);
}

/** A YAML literal block (`|`) for multi-line text, its lines indented by `indent` spaces, with the chomping that keeps its final line breaks. */
export function yamlBlock(value: string, indent: number, eol: string): string {
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing > 0 ? value.slice(0, value.length - trailing) : value;
  const pad = " ".repeat(indent);
  // A first line that starts with a space needs the indentation written out.
  const indicator = /^[ \t]/.test(body) ? String(indent) : "";
  const lines = body.split("\n").map((line) => (line === "" ? "" : pad + line));
  const extra = trailing > 1 ? Array.from({ length: trailing - 1 }, () => "") : [];
  return `|${indicator}${chomp}${eol}${[...lines, ...extra].join(eol)}`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function readsBack(candidate: string, context: ScalarContext, accept: (read: unknown) => boolean): boolean {
  if (candidate === "" || /[\r\n]/.test(candidate)) return false;
  const doc = parseDocument(context === "block" ? `k: ${candidate}\n` : `k: [${candidate}]\n`, { prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  let read: unknown;
  try {
    read = (doc.toJS() as { k?: unknown } | null)?.k;
  } catch {
    // `*x` is an alias of an anchor that does not exist: not a plain value.
    return false;
  }
  if (context === "block") return accept(read);
  return Array.isArray(read) && read.length === 1 && accept(read[0]);
}

import type { Yaml } from "mdast";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type YAMLError } from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isStackOverflow, tooDeepAt } from "./limits.js";
import type { RawItem } from "./raw-record.js";
import type { SourceText } from "./source-text.js";

/** One top-level front-matter entry with positions in the file. */
export interface FrontMatterEntry {
  key: string;
  value: unknown;
  keyAt: ReturnType<SourceText["span"]>;
  at: ReturnType<SourceText["span"]>;
  items?: RawItem[];
}

/** Reads a YAML front-matter node into entries; YAML errors carry positions inside the file, not the block. */
export function readFrontMatter(node: Yaml, src: SourceText): { entries: FrontMatterEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const nodeStart = node.position?.start.offset ?? 0;
  // The YAML text starts on the line after the opening `---` (which may end in `\n`, `\r\n` or a lone `\r`).
  const lineEnd = /\r\n?|\n/g;
  lineEnd.lastIndex = nodeStart;
  const newline = lineEnd.exec(src.text);
  const base = newline === null ? nodeStart : newline.index + newline[0].length;
  // Markdown reads a lone CR (classic Mac OS line endings) as a line end, the YAML parser does not: read it as `\n`,
  // one character for one, so every position stays where it was.
  const yamlText = node.value.replace(/\r(?!\n)/g, "\n");
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses into flow collections: `[[[…]]]` thousands deep overflows its stack.
    if (!isStackOverflow(error)) throw error;
    return { entries: [], diagnostics: [{ ...tooDeepAt(src.file, "the front matter"), ...src.nodeSpan(node) }] };
  }
  const spanOf = (range: readonly number[] | null | undefined) => (range ? src.span(base + (range[0] ?? 0), base + (range[1] ?? range[0] ?? 0)) : src.nodeSpan(node));

  // A key given twice is reported by the record builder, with both positions, like any field given twice.
  const errors = doc.errors.filter((error) => error.code !== "DUPLICATE_KEY");
  for (const error of errors) {
    // The YAML parser catches its own stack overflow on deep flow collections and reports it as an error.
    if (/call stack/i.test(error.message)) {
      diagnostics.push({ ...tooDeepAt(src.file, "the front matter"), ...spanOf(error.pos) });
      continue;
    }
    diagnostics.push(
      diagnostic(
        "error",
        "yaml-syntax",
        spanOf(unclosedStart(doc, yamlText, error) ?? error.pos),
        `invalid YAML: ${error.message.split("\n")[0] ?? error.code}`,
        "Fix the YAML syntax; quote values that contain `: ` or start with special characters.",
      ),
    );
  }
  if (errors.length > 0) return { entries: [], diagnostics };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ""))) return { entries: [], diagnostics };
  if (!isMap(contents)) {
    diagnostics.push(
      diagnostic("error", "front-matter-not-map", spanOf(contents.range), "front matter must be a mapping of `key: value` lines", "Write one `field: value` per line between the `---` lines."),
    );
    return { entries: [], diagnostics };
  }

  const entries: FrontMatterEntry[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const valueNode = pair.value as YamlNode | null;
    // Aliases are resolved here: an unknown anchor or an alias bomb throws, and becomes a diagnostic.
    try {
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode?.toJSON?.() ?? "");
      const keyAt = spanOf(keyNode?.range);
      const at = valueNode ? spanOf(valueNode.range) : keyAt;
      const value: unknown = valueNode ? valueNode.toJS(doc, { maxAliasCount: 100 }) : null;
      const entry: FrontMatterEntry = { key, value, keyAt, at };
      if (isSeq(valueNode)) {
        entry.items = valueNode.items.map((item) => {
          const itemNode = item as YamlNode;
          const value: unknown = isScalar(itemNode) || isSeq(itemNode) || isMap(itemNode) ? itemNode.toJS(doc, { maxAliasCount: 100 }) : itemNode;
          return { value, at: spanOf(itemNode.range) };
        });
      }
      entries.push(entry);
    } catch (error) {
      if (isStackOverflow(error)) {
        diagnostics.push({ ...tooDeepAt(src.file, "the front matter"), ...spanOf((valueNode ?? keyNode)?.range) });
        continue;
      }
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      diagnostics.push(
        diagnostic("error", "yaml-syntax", spanOf((valueNode ?? keyNode)?.range), `invalid YAML: ${message}`, "Define the anchor (`&name`) before its alias (`*name`), or write the value out."),
      );
    }
  }
  return { entries, diagnostics };
}

/**
 * For an unclosed `[`, `{` or quote, the offset where it was opened: YAML reports where it gave up, often a later line.
 * Undefined for other errors, or when the opening cannot be found.
 */
function unclosedStart(doc: Document, yamlText: string, error: YAMLError): [number, number] | undefined {
  const message = error.message;
  const close = /^Flow sequence/.test(message) ? "]" : /^Flow map/.test(message) ? "}" : /^Missing closing "quote/.test(message) ? '"' : /^Missing closing 'quote/.test(message) ? "'" : undefined;
  if (!close) return undefined;
  let found: number | undefined;
  const look = (node: { range?: readonly number[] | null }) => {
    const [start, end] = node.range ?? [];
    if (start === undefined || end === undefined || start >= error.pos[0] || yamlText[start] !== (close === "]" ? "[" : close === "}" ? "{" : close)) return;
    if (!(end > start + 1 && yamlText.slice(start, end).trimEnd().endsWith(close)) && (found === undefined || start > found)) found = start;
  };
  visit(doc, close === "]" ? { Seq: (_, node) => look(node) } : close === "}" ? { Map: (_, node) => look(node) } : { Scalar: (_, node) => look(node) });
  return found === undefined ? undefined : [found, found + 1];
}

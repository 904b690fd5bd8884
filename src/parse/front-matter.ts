import type { Yaml } from "mdast";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
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
  // The YAML text starts on the line after the opening `---`.
  const newline = src.text.indexOf("\n", nodeStart);
  const base = newline === -1 ? nodeStart : newline + 1;
  const doc = parseDocument(node.value, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const spanOf = (range: readonly number[] | null | undefined) =>
    range ? src.span(base + (range[0] ?? 0), base + (range[1] ?? range[0] ?? 0)) : src.nodeSpan(node);

  for (const error of doc.errors) {
    const duplicate = error.code === "DUPLICATE_KEY";
    diagnostics.push(
      diagnostic(
        "error",
        duplicate ? "duplicate-field" : "yaml-syntax",
        spanOf(error.pos),
        duplicate ? "a key is given twice in the front matter" : `invalid YAML: ${error.message.split("\n")[0] ?? error.code}`,
        duplicate ? "Keep one of the two keys." : "Fix the YAML syntax; quote values that contain `: ` or start with special characters.",
      ),
    );
  }
  if (doc.errors.length > 0) return { entries: [], diagnostics };

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
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode?.toJSON?.() ?? "");
    const keyAt = spanOf(keyNode?.range);
    const at = valueNode ? spanOf(valueNode.range) : keyAt;
    const value: unknown = valueNode ? valueNode.toJS(doc, { maxAliasCount: 100 }) : null;
    const entry: FrontMatterEntry = { key, value, keyAt, at };
    if (isSeq(valueNode)) {
      entry.items = valueNode.items.map((item) => {
        const itemNode = item as YamlNode;
        return { value: isScalar(itemNode) || isSeq(itemNode) || isMap(itemNode) ? itemNode.toJS(doc, { maxAliasCount: 100 }) : itemNode, at: spanOf(itemNode.range) };
      });
    }
    entries.push(entry);
  }
  return { entries, diagnostics };
}

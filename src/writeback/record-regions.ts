import { parseDocument, type Document } from "yaml";
import { parseMarkdown } from "../parse/processor.js";
import { lineStart } from "./splice.js";

/** The YAML front matter of a file: its parsed document, where its text starts, and where the closing `---` line starts. */
export interface FrontMatterBlock {
  doc: Document;
  /** Offset in the file of the YAML text's first character (the line after the opening `---`). */
  base: number;
  /** Offset of the closing `---` line, where a new key is inserted. */
  closing: number;
}

/** Where things are in a record file: the front matter, the `# Title` heading, the first `##` section. */
export interface RecordRegions {
  frontMatter?: FrontMatterBlock;
  title?: { start: number; end: number };
  /** Offset of the first `##` heading, or the end of the text. */
  firstSection: number;
}

/** Finds the front matter, the title and the first section the way the parser does (same Markdown processor). */
export function regionsOf(text: string): RecordRegions {
  const tree = parseMarkdown(text);
  const layout: RecordRegions = { firstSection: text.length };
  for (const node of tree.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === "yaml" && start === 0) {
      const newline = text.indexOf("\n", start);
      const base = newline === -1 ? start : newline + 1;
      layout.frontMatter = { doc: parseDocument(node.value, { keepSourceTokens: false, uniqueKeys: false }), base, closing: lineStart(text, end - 1) };
    } else if (node.type === "heading" && node.depth === 1 && !layout.title && start < layout.firstSection) {
      layout.title = { start, end };
    } else if (node.type === "heading" && node.depth === 2) {
      layout.firstSection = start;
      break;
    }
  }
  return layout;
}

import type { Heading, List, Nodes, Root, TableCell, Text } from "mdast";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemToMarkdown } from "mdast-util-gfm-task-list-item";
import remarkStringify, { type Options } from "remark-stringify";
import type { Processor } from "unified";
import { unified } from "unified";

/**
 * The house style of written Markdown (design note libraries.md §6: `-` bullets, `_emphasis_`, `**strong**`, ATX
 * headings), so that an inserted fragment looks like the text around it.
 */
const STYLE: Options = {
  bullet: "-",
  bulletOther: "*",
  bulletOrdered: ".",
  emphasis: "_",
  strong: "*",
  fence: "`",
  fences: true,
  rule: "-",
  listItemIndent: "one",
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
};

/** The GFM constructs the parser reads (`parse/processor.ts`), so that the serialiser escapes what they would read as markup. */
function recordGfm(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmTaskListItemToMarkdown(), gfmStrikethroughToMarkdown());
}

const processor = unified().use(remarkStringify, STYLE).use(recordGfm).freeze();

/**
 * Serialises an mdast node (not only a whole document) as Markdown, without the final line break. The escaping is the
 * library's: a value written this way reads back as the same text.
 */
function nodeMarkdown(node: Nodes): string {
  // mdast-util-to-markdown serialises any node; the processor's type only names the root.
  return processor.stringify(node as Root).replace(/\r?\n$/, "");
}

function text(value: string): Text {
  return { type: "text", value };
}

/**
 * The content of a table cell holding `value` as plain text, or as inline code (`` `main` ``): pipes come out as `\|`,
 * which the table reads as a pipe in the cell, in code too.
 */
export function cellMarkdown(value: string, code: boolean): string {
  const cell: TableCell = { type: "tableCell", children: [code ? { type: "inlineCode", value } : text(value)] };
  return nodeMarkdown(cell);
}

/** A line of plain text as the Markdown of a block of its own (a list item's content): what would start markup is escaped. */
export function plainTextMarkdown(value: string): string {
  return nodeMarkdown({ type: "paragraph", children: [text(value)] });
}

/** An ATX heading (`## Heading`) whose text reads back as `value`. */
export function headingMarkdown(depth: Heading["depth"], value: string): string {
  return nodeMarkdown({ type: "heading", depth, children: [text(value)] });
}

/** A tight `-` list of plain-text entries. */
export function plainListMarkdown(values: readonly string[]): string {
  const list: List = { type: "list", ordered: false, spread: false, children: values.map((v) => ({ type: "listItem", spread: false, children: [{ type: "paragraph", children: [text(v)] }] })) };
  return nodeMarkdown(list);
}

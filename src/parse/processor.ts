import type { Root } from "mdast";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import type { Processor } from "unified";
import { unified } from "unified";

/**
 * The GFM constructs a record's fields are read from: tables, task-list items and strikethrough (so neither leaks
 * into a plain value). Autolink literals and footnotes are left out: they never change a value, and recognising them
 * costs about a third of the whole parse (remark-gfm's autolink scan runs at every character).
 */
function recordGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

// One frozen processor for every file: building it per call costs more than parsing small records.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(recordGfm).freeze();

/** Parses Markdown (with YAML front matter and the GFM constructs records use) into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

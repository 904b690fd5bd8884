import type { Heading, ListItem, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Location } from "../diagnostics/diagnostic.js";
import { keyValueList, keyValueParagraph, type KeyValueLine } from "./key-value.js";
import type { RawItem, Subsection } from "./raw-record.js";
import type { SourceText } from "./source-text.js";

/** A `##` section: its heading and the nodes up to the next heading of depth ≤ 2. */
export interface Section {
  heading: Heading;
  title: string;
  nodes: RootContent[];
  /** Verbatim Markdown of the body (without the heading line), trimmed of blank lines. */
  body: string;
  /** Where the body starts and ends: its first character is at `bodyAt.start`. */
  bodyAt: Location;
  at: Location;
  headingAt: Location;
}

/** Splits a tree into the nodes before the first `##` heading and the `##` sections. */
export function splitSections(tree: Root, src: SourceText): { preamble: RootContent[]; sections: Section[] } {
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  let current: { heading: Heading; nodes: RootContent[] } | undefined;
  const close = (end: number) => {
    if (!current) return;
    sections.push(makeSection(current.heading, current.nodes, end, src));
  };
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth <= 2 && (current || node.depth === 2)) {
      close(node.position?.start.offset ?? 0);
      current = { heading: node, nodes: [] };
    } else if (current) {
      current.nodes.push(node);
    } else {
      preamble.push(node);
    }
  }
  close(tree.position?.end.offset ?? src.text.length);
  return { preamble, sections };
}

function makeSection(heading: Heading, nodes: RootContent[], end: number, src: SourceText): Section {
  const headingEnd = heading.position?.end.offset ?? 0;
  const bodyStart = nodes[0]?.position?.start.offset ?? headingEnd;
  const bodyEnd = nodes.at(-1)?.position?.end.offset ?? headingEnd;
  return {
    heading,
    // An HTML comment in a heading (MADR's `## Links <!-- optional -->`) is not part of its name.
    title: toString(heading, { includeHtml: false }).trim(),
    nodes,
    body: nodes.length > 0 ? src.text.slice(bodyStart, bodyEnd) : "",
    bodyAt: src.span(bodyStart, Math.max(bodyStart, bodyEnd)),
    at: src.span(heading.position?.start.offset ?? 0, Math.max(bodyEnd, Math.min(end, bodyEnd))),
    headingAt: src.nodeSpan(heading),
  };
}

/** The verbatim Markdown of a list item's content, its continuation lines de-indented. */
function itemMarkdown(item: ListItem, src: SourceText): string {
  const first = item.children[0];
  if (!first?.position) return "";
  const start = first.position.start.offset ?? 0;
  const end = item.position?.end.offset ?? start;
  const indent = first.position.start.column - 1;
  const lines = src.text.slice(start, end).split("\n");
  return lines
    .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^ {0,${indent}}`), "")))
    .join("\n")
    .replace(/\s+$/, "");
}

/** The top-level list items of a section, as Markdown (`rich`) or as plain text without inline code marks. */
export function listItems(nodes: RootContent[], src: SourceText, plain: boolean): { items: RawItem[]; other: RootContent[] } {
  const items: RawItem[] = [];
  const other: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== "list") {
      other.push(node);
      continue;
    }
    for (const item of node.children) {
      const entry: RawItem = { value: plain ? toString(item).trim() : itemMarkdown(item, src), at: src.nodeSpan(item) };
      // Where the item's Markdown starts (after the bullet), for positions inside its text.
      const first = item.children[0]?.position?.start.offset;
      if (!plain && first !== undefined) entry.textAt = src.span(first, item.position?.end.offset ?? first);
      items.push(entry);
    }
  }
  return { items, other };
}

/** Reads key-value lines from paragraphs and lists; `other` holds the nodes that were not key-value lines. */
export function keyValueLines(nodes: RootContent[], src: SourceText): { lines: KeyValueLine[]; other: RootContent[] } {
  const lines: KeyValueLine[] = [];
  const other: RootContent[] = [];
  for (const node of nodes) {
    const found = node.type === "paragraph" ? keyValueParagraph(node, src) : node.type === "list" ? keyValueList(node, src) : undefined;
    if (found) lines.push(...found);
    else other.push(node);
  }
  return { lines, other };
}

/** Splits a section body into `### Heading` blocks, each an entry with title, body, key-value fields and list items. */
export function readSubsections(nodes: RootContent[], src: SourceText): { intro: RootContent[]; entries: Subsection[] } {
  const intro: RootContent[] = [];
  const groups: { heading: Heading; nodes: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === "heading" && node.depth === 3) groups.push({ heading: node, nodes: [] });
    else if (groups.length > 0) groups.at(-1)!.nodes.push(node);
    else intro.push(node);
  }
  const entries = groups.map(({ heading, nodes: body }) => {
    const start = body[0]?.position?.start.offset ?? heading.position?.end.offset ?? 0;
    const end = body.at(-1)?.position?.end.offset ?? start;
    const { lines, other } = keyValueLines(body, src);
    return {
      // An HTML comment in a heading (MADR's `## Links <!-- optional -->`) is not part of its name.
      title: toString(heading, { includeHtml: false }).trim(),
      body: body.length > 0 ? src.text.slice(start, end) : "",
      fields: lines.map((l) => ({ key: l.key, value: l.value })),
      items: listItems(other, src, false).items.map((i) => String(i.value)),
      rest: other.map((n) => src.slice(n)).join("\n\n"),
      at: src.span(heading.position?.start.offset ?? 0, end),
    };
  });
  return { intro, entries };
}

/** The first GFM table among the nodes, if any. */
export function firstTable(nodes: readonly RootContent[]): Table | undefined {
  return nodes.find((n): n is Table => n.type === "table");
}

/** The verbatim Markdown of a run of nodes. */
export function nodesMarkdown(nodes: readonly RootContent[], src: SourceText): string {
  const first = nodes[0];
  const last = nodes.at(-1);
  if (!first || !last) return "";
  return src.text.slice(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0);
}

/** The lines of a section's paragraphs and list items, each trimmed with its position; blank lines are skipped. */
export function sectionLines(nodes: RootContent[], src: SourceText): { lines: RawItem[]; other: RootContent[] } {
  const lines: RawItem[] = [];
  const other: RootContent[] = [];
  const addLines = (start: number, text: string) => {
    let offset = start;
    for (const line of text.split("\n")) {
      const value = line.trim().replace(/\\$/, "").trim();
      const lead = line.length - line.trimStart().length;
      if (value !== "") lines.push({ value, at: src.span(offset + lead, offset + lead + value.length) });
      offset += line.length + 1;
    }
  };
  for (const node of nodes) {
    if (node.type === "paragraph") addLines(node.position?.start.offset ?? 0, src.slice(node));
    else if (node.type === "list") for (const item of node.children) lines.push({ value: itemMarkdown(item, src).replace(/\s*\n\s*/g, " "), at: src.nodeSpan(item) });
    else other.push(node);
  }
  return { lines, other };
}

import type { Root } from "mdast";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import type { SourceText } from "./source-text.js";

/**
 * What one plan file may hold. Real plan files are 1–20 KB with lists a few levels deep; the limits sit far above
 * that and far below where the Markdown parser stops answering in bounded time and memory: micromark is quadratic
 * in list and block-quote nesting (500 levels by indentation: 3 s; 1,000: 23 s) and in nested emphasis (5,000
 * marks: 2 s), and its tree walks overflow the stack a few thousand levels down.
 * docs/diagnostics.md lists them with the diagnostics that report them.
 */
export const LIMITS = {
  /** Characters in one file (512 KiB): ~15,000 table rows; 25× the largest file of the embedded plan. */
  fileChars: 512 * 1024,
  /**
   * Bytes read from one file: a UTF-8 character takes at most three bytes per UTF-16 character it becomes (plus a
   * byte-order mark), so a larger file is over `fileChars` for sure. Checked on the open file before reading: a file of
   * gigabytes is refused at once, and never held in memory.
   */
  fileBytes: 3 * 512 * 1024 + 3,
  /** Levels of nesting: lists, block quotes, emphasis and links inside each other. */
  nesting: 100,
  /** `*`, `_` and `~` runs and brackets between two blank lines (or in one table row): pairing them is quadratic. */
  emphasisRuns: 2_000,
  /** The same marks in the whole file outside tables, so that many paragraphs at the limit stay fast too. */
  fileEmphasisRuns: 20_000,
  /** Words between two blank lines (or in one table row); ~120 KB of prose. */
  paragraphWords: 20_000,
  /** Setext headings (a line of `===` or `---` under text): the parser rewrites the whole file's events for each. */
  setextHeadings: 200,
  /**
   * List items and block quotes opened in the file. Each container the parser opens or closes inside another makes it
   * copy the whole file's token list (micromark's document tokenizer): 8,000 items of `- - x` took 40 s on 47 KB,
   * and 600 quotes 99 deep 23 s on 118 KB.
   */
  containers: 1_000,
  /**
   * Lines of a list item's or quote's paragraph that are not indented under it ("lazy" lines): the parser scans the
   * paragraph back to its start for each one, so 20,000 of them in one item took about a minute.
   */
  lazyLines: 200,
  /**
   * Columns of a table. The parser gives every row of a table as many cells as its header: a header of 20,000
   * columns over 20,000 one-cell rows (120 KB) took five seconds.
   */
  tableColumns: 200,
} as const;

const PLAN_HINT = "Split the record into smaller files, or move the bulk into a linked document outside the plan.";

/** Checks the raw text against the limits before parsing: parsing text beyond them could take minutes or overflow the stack. */
export function checkTextLimits(text: string, file: string): Diagnostic | undefined {
  if (text.length > LIMITS.fileChars) {
    return diagnostic(
      "error",
      "too-large",
      at(file, 1, 1, 0),
      `file has ${text.length.toLocaleString("en-US")} characters; paraplan reads at most ${LIMITS.fileChars.toLocaleString("en-US")} per file`,
      PLAN_HINT,
    );
  }
  return scanLines(text, file);
}

/** The diagnostic for a file refused by its size in bytes, before it is read. */
export function tooLargeFile(file: string, bytes: number): Diagnostic {
  return diagnostic(
    "error",
    "too-large",
    at(file, 1, 1, 0),
    `file has ${bytes.toLocaleString("en-US")} bytes; paraplan reads at most ${LIMITS.fileChars.toLocaleString("en-US")} characters per file`,
    PLAN_HINT,
  );
}

function at(file: string, line: number, column: number, offset: number, endOffset = offset, endColumn = column): Location {
  return { file, start: { line, column, offset }, end: { line, column: endColumn, offset: endOffset } };
}

/** The container prefix of a line: block quote and list markers (and how many are list items), and the indentation before the first one. */
function linePrefix(line: string): { markers: number; items: number; indent: number; end: number } {
  let i = 0;
  let markers = 0;
  let items = 0;
  let indent = 0;
  for (;;) {
    let column = 0;
    while (line[i] === " " || line[i] === "\t") column += line[i++] === "\t" ? 4 : 1;
    if (markers === 0) indent = column;
    const c = line[i];
    const after = (n: number) => i + n >= line.length || line[i + n] === " " || line[i + n] === "\t";
    if (c === ">") {
      markers++;
      i++;
    } else if ((c === "-" || c === "+" || c === "*") && after(1)) {
      markers++;
      items++;
      i++;
    } else {
      const ordered = /^\d{1,9}[.)]/.exec(line.slice(i, i + 10));
      if (!ordered || !after(ordered[0].length)) return { markers, items, indent, end: i };
      markers++;
      items++;
      i += ordered[0].length;
    }
  }
}

const FENCE = /^(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^#{1,6}(\s|$)/;

/** The cells of a table line: its `|`-separated parts, leading and trailing pipes not counted. */
function cellCount(content: string): number {
  return content
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/).length;
}

/**
 * One pass over the lines: nesting estimated from each line's container markers and indentation (two columns a
 * level), and emphasis runs and words counted per block of lines between blank lines, headings and rules. Each row
 * of a table counts alone, as the parser reads each cell on its own. The count is an upper bound (a tight list
 * counts as one block) except inside a top-level fenced code block, which is skipped: the parser treats it as text.
 */
function scanLines(text: string, file: string): Diagnostic | undefined {
  let offset = 0;
  let lineNo = 0;
  let fence: string | undefined;
  let table: { markers: number } | undefined;
  let previous: { content: string; markers: number } | undefined;
  let block = { line: 1, offset: 0, runs: 0, words: 0 };
  let setext = 0;
  let fileRuns = 0;
  let containers = 0;
  // Block quotes open on the line before: a line's own `>` beyond those continues no quote but opens one.
  let quotesOpen = 0;
  // The paragraph of the list item or quote opened last, while no blank line or heading closed it: the column its
  // text starts at (a line indented less, without a marker of its own, is lazy) and its lazy lines so far.
  let container: { column: number; lazy: number } | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const separators = text.match(/\r\n|\r|\n/g) ?? [];
  // Front matter is YAML, not Markdown: its own reader guards against its depth. Its end is taken as early as any
  // reading could put it, so that no Markdown line is ever skipped.
  const frontMatterEnd = lines[0] === "---" ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === "---") : -1;
  for (const [index, line] of lines.entries()) {
    lineNo++;
    const lineStart = offset;
    offset += line.length + (separators[index]?.length ?? 0);
    if (index <= frontMatterEnd) continue;
    const prefix = linePrefix(line);
    const content = line.slice(prefix.end).trim();
    if (fence !== undefined) {
      const closing = FENCE.exec(content);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length && content.slice(closing[1]!.length).trim() === "") fence = undefined;
      continue;
    }
    // Only a fence outside any container runs to its closing line for sure; one in a list or quote ends with it.
    // A backtick fence whose info string holds a backtick is no fence at all.
    const fenced = prefix.markers === 0 && prefix.indent < 4 ? FENCE.exec(content) : null;
    const opening = fenced && !(fenced[1]![0] === "`" && content.slice(fenced[1]!.length).includes("`")) ? fenced : null;
    if (opening) {
      fence = opening[1]!;
      container = undefined;
      block = { line: lineNo + 1, offset, runs: 0, words: 0 };
      continue;
    }
    const depth = prefix.markers + Math.floor(prefix.indent / 2);
    if (depth > LIMITS.nesting) {
      return diagnostic(
        "error",
        "too-deep",
        at(file, lineNo, 1, lineStart, lineStart + prefix.end, prefix.end + 1),
        `line is nested about ${depth} levels deep (lists or block quotes); paraplan reads at most ${LIMITS.nesting} levels`,
        "Flatten the nesting: no plan needs more than a few levels of lists or quotes.",
      );
    }
    const quotes = prefix.markers - prefix.items;
    containers += prefix.items + Math.max(0, quotes - quotesOpen);
    if (prefix.markers > 0) quotesOpen = quotes;
    if (containers > LIMITS.containers) {
      return diagnostic(
        "error",
        "too-complex",
        at(file, lineNo, 1, lineStart, lineStart + prefix.end, prefix.end + 1),
        `file opens more than ${LIMITS.containers.toLocaleString("en-US")} list items and block quotes; paraplan reads at most that many`,
        "Split the record into smaller files, or write long lists as tables (a collection can be a folder of one file per record).",
      );
    }
    if (prefix.markers > 0) container = content === "" ? undefined : { column: prefix.end, lazy: 0 };
    else if (container && content !== "" && line.length - line.trimStart().length < container.column && ++container.lazy > LIMITS.lazyLines) {
      return diagnostic(
        "error",
        "too-complex",
        at(file, lineNo, 1, lineStart, lineStart + line.length, line.length + 1),
        `list item or quote has more than ${LIMITS.lazyLines} lines not indented under its text; paraplan reads at most that many`,
        "Indent the item's continuation lines under its first line's text (or start each line of a quote with `>`).",
      );
    }
    if (table && (content === "" || !content.includes("|") || prefix.markers !== table.markers)) table = undefined;
    const delimiterRow = content.includes("|") && content.includes("-") && DELIMITER_ROW.test(content);
    const header = previous?.content.includes("|") && previous.markers === prefix.markers ? previous.content : undefined;
    if (!table && delimiterRow && header !== undefined && cellCount(header) === cellCount(content)) {
      table = { markers: prefix.markers };
      if (cellCount(header) > LIMITS.tableColumns) {
        return diagnostic(
          "error",
          "too-complex",
          at(file, lineNo, 1, lineStart, lineStart + line.length, line.length + 1),
          `table has ${cellCount(header).toLocaleString("en-US")} columns; paraplan reads tables of at most ${LIMITS.tableColumns} columns`,
          "Split the table, or turn its columns into rows.",
        );
      }
    }
    // A line of `=` or `-` under text makes that text a heading: count them before the block is reset.
    if (/^(=+|-+)$/.test(content) && block.words > 0 && !table && ++setext > LIMITS.setextHeadings) {
      return diagnostic(
        "error",
        "too-complex",
        at(file, lineNo, 1, lineStart, lineStart + line.length, line.length + 1),
        `file has more than ${LIMITS.setextHeadings} headings underlined with \`===\` or \`---\`; paraplan reads at most that many`,
        "Write headings as `# Title` or `## Title`, and put a blank line before a `---` rule.",
      );
    }
    const endsBlock = content === "" || HEADING.test(content) || /^(\*\s*){3,}$|^(_\s*){3,}$|^(-\s*){3,}$|^=+$/.test(content);
    if (endsBlock && prefix.markers === 0) {
      container = undefined;
      quotesOpen = 0;
    }
    if (endsBlock || table || (block.runs === 0 && block.words === 0)) block = { line: lineNo, offset: lineStart, runs: 0, words: 0 };
    previous = { content, markers: prefix.markers };
    const runs = emphasisRuns(content);
    block.runs += runs;
    if (!table) fileRuns += runs;
    block.words += content === "" ? 0 : content.split(/\s+/).length;
    const where = at(file, block.line, 1, block.offset);
    if (block.runs > LIMITS.emphasisRuns) {
      return diagnostic(
        "error",
        "too-complex",
        where,
        `paragraph has more than ${LIMITS.emphasisRuns.toLocaleString("en-US")} emphasis and link marks (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`); paraplan reads at most that many between two blank lines`,
        "Put code, globs and identifiers in backticks, or split the text with blank lines.",
      );
    }
    if (fileRuns > LIMITS.fileEmphasisRuns) {
      return diagnostic(
        "error",
        "too-complex",
        at(file, lineNo, 1, lineStart),
        `file has more than ${LIMITS.fileEmphasisRuns.toLocaleString("en-US")} emphasis and link marks (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) outside tables; paraplan reads at most that many`,
        "Put code, globs and identifiers in backticks, or split the record into smaller files.",
      );
    }
    if (block.words > LIMITS.paragraphWords) {
      return diagnostic(
        "error",
        "too-complex",
        where,
        `paragraph has more than ${LIMITS.paragraphWords.toLocaleString("en-US")} words; paraplan reads at most that many between two blank lines`,
        "Split the text with blank lines, or move it into a linked document outside the plan.",
      );
    }
  }
  return undefined;
}

/** Where the next run of exactly `length` backticks starts, from `from` on; -1 when there is none. */
function closingRun(line: string, from: number, length: number): number {
  const run = "`".repeat(length);
  for (let at = line.indexOf(run, from); at !== -1; at = line.indexOf(run, at + 1)) {
    let end = at + length;
    if (line[at - 1] !== "`" && line[end] !== "`") return at;
    // Skip the rest of this longer run.
    while (line[end] === "`") end++;
    at = end - 1;
  }
  return -1;
}

/** Runs of `*`, `_` or `~`, and brackets, outside inline code spans on one line: each is a delimiter the parser must pair. */
function emphasisRuns(line: string): number {
  let runs = 0;
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    let j = i + 1;
    while (line[j] === c) j++;
    if (c === "`") {
      // A code span closes at the next run of exactly as many backticks; its content holds no emphasis.
      const close = closingRun(line, j, j - i);
      if (close !== -1) j = close + (j - i);
    } else if (c === "*" || c === "_" || c === "~") {
      runs++;
    } else if (c === "[" || c === "]") {
      // Every bracket may open or close a link: nested ones cost the parser quadratic time too.
      runs += j - i;
    }
    i = j;
  }
  return runs;
}

// Nodes that nest a level: lists (not their items), quotes, emphasis, links, footnotes.
const NESTING = new Set(["list", "blockquote", "emphasis", "strong", "delete", "link", "linkReference", "footnoteDefinition"]);

/** The exact nesting of a parsed tree, walked without recursion; a diagnostic at the deepest node beyond the limit. */
export function checkTreeDepth(tree: Root, src: SourceText): Diagnostic | undefined {
  type Walked = Parameters<SourceText["nodeSpan"]>[0] & { children?: unknown[] };
  const stack: { node: Walked; level: number }[] = [{ node: tree, level: 0 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop()!;
    const here = NESTING.has(node.type) ? level + 1 : level;
    if (here > LIMITS.nesting) {
      return diagnostic(
        "error",
        "too-deep",
        src.nodeSpan(node),
        `Markdown is nested more than ${LIMITS.nesting} levels deep here (lists, block quotes, emphasis or links); paraplan reads at most ${LIMITS.nesting}`,
        "Flatten the nesting: no plan needs more than a few levels.",
      );
    }
    for (const child of node.children ?? []) stack.push({ node: child as Walked, level: here });
  }
  return undefined;
}

/** Whether an error is the engine's stack overflow, which deep input can cause in a library's recursion. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The diagnostic for input that overflowed the stack of a parser anyway. */
export function tooDeepAt(file: string, what: string): Diagnostic {
  return diagnostic("error", "too-deep", at(file, 1, 1, 0), `${what} is nested too deeply to read`, "Flatten the nesting: no plan needs more than a few levels.");
}

// Rendered documents are laid out in one linear pass over their lines instead of being re-parsed and printed
// (prettier cost several times the plan's own parse): long prose lines are broken at spaces where a break
// cannot change the document, and everything a break could change (code, tables, headings, HTML) is kept.

/** The column prose is wrapped at: markdownlint's line-length limit (MD013). */
const WRAP_WIDTH = 80;

/** An open fenced code block: its fence character and length. */
interface Fence {
  char: string;
  length: number;
}

/** What the previous lines opened that later lines belong to, until a blank line (or the comment's end). */
type Block = "html" | "comment" | "table" | undefined;

/** A line split into its container prefix (block quotes, indentation, list marker) and its content. */
interface LineParts {
  quote: string;
  indent: number;
  marker: string;
  gap: string;
  content: string;
}

const LINE_PARTS = /^((?: {0,3}> ?)*)( *)(?:([-+*]|\d{1,9}[.)])( +|$))?(.*)$/s;
const FENCE_OPEN = /^(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?: *\1){2,} *$/;
const SETEXT_OR_DELIMITER = /^[ :|=-]+$/;
const LINK_DEFINITION = /^\[[^\]]+\]:/;
const HTML_START = /^<[A-Za-z/!?]/;
const BLANK = /^[ \t]*$/;

/** A paragraph being collected: its first line's container and marker, and the text of each of its lines. */
interface Paragraph {
  head: LineParts;
  texts: string[];
}

/** How to lay out a document. */
export interface WrapOptions {
  /** The column prose is wrapped at. */
  width?: number;
  /**
   * Give a heading whose text an earlier heading has a number (`Confirmation (2)`), so that quoted records (two ADRs
   * in a session log, each with a `### Confirmation`) never repeat a heading (markdownlint's MD024).
   */
  uniqueHeadings?: boolean;
}

/** Lays out rendered Markdown: paragraphs re-flowed at `width`, `-` bullets, single blank lines, one final newline. */
export function wrapMarkdown(markdown: string, options: WrapOptions = {}): string {
  const width = options.width ?? WRAP_WIDTH;
  const unique = options.uniqueHeadings ? headingNumberer() : undefined;
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let fence: Fence | undefined;
  let block: Block;
  let paragraph: Paragraph | undefined;
  // Content columns of the list items the current line may belong to: deeper indentation is code, not prose.
  const listColumns: number[] = [];
  const bullets = bulletTracker();
  let afterBlank = true;
  const flush = () => {
    if (paragraph) out.push(...wrapParagraph(paragraph, width));
    paragraph = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    // Blank means spaces and tabs only, as CommonMark says: a line of U+2028 or U+00A0 is text.
    if (BLANK.test(line)) {
      flush();
      if (block !== "comment") block = undefined;
      if (out.length > 0 && out.at(-1) !== "") out.push("");
      afterBlank = true;
      continue;
    }
    const kept = trimTrailing(line);
    if (block) {
      out.push(block === "table" ? compactRow(kept) : kept);
      if (block === "comment" && line.includes("-->")) block = undefined;
      continue;
    }
    const parts = LINE_PARTS.exec(kept) as unknown as [string, string, string, string | undefined, string | undefined, string];
    const part: LineParts = { quote: parts[1], indent: parts[2].length, marker: parts[3] ?? "", gap: parts[4] ?? "", content: parts[5] };
    const opened = openedFence(part);
    const kind = opened ? "keep" : classify(part, kept, lines[i + 1], listColumns);
    const bullet = THEMATIC_BREAK.test(kept.slice(part.quote.length)) ? undefined : bullets.next(part, kind === "prose" && !afterBlank);
    afterBlank = false;
    if (bullet !== undefined) part.marker = bullet;
    if (kind === "prose" && paragraph && !part.marker && part.quote === paragraph.head.quote) {
      // A line of the same paragraph: a soft line break is a space, so the lines can be joined and wrapped anew.
      paragraph.texts.push(part.content);
      continue;
    }
    flush();
    fence = opened;
    if (kind === "comment" || kind === "html" || kind === "table") block = kind === "comment" && kept.includes("-->") ? undefined : kind;
    if (kind !== "prose") {
      const heading = unique && part.quote === "" && !part.marker && part.indent - (listColumns.at(-1) ?? 0) < 4 && ATX_HEADING.test(part.content);
      out.push(kind === "table" ? compactRow(kept) : bullet !== undefined ? `${part.quote}${" ".repeat(part.indent)}${bullet}${part.gap}${part.content}` : heading ? unique(kept) : kept);
      continue;
    }
    if (part.marker && part.quote === "") listColumns.push(part.indent + part.marker.length + part.gap.length);
    paragraph = { head: part, texts: [part.content] };
  }
  flush();
  while (out.at(-1) === "") out.pop();
  return `${out.join("\n")}\n`;
}

/**
 * Bullets become `-` (markdownlint's MD004 wants one style), except where two different bullets mark two lists
 * that touch: those keep different bullets (`-`, then `*`), or they would merge into one list.
 */
function bulletTracker() {
  const lists = new Map<number, { original: string; shown: string }>();
  let quote = "";
  return {
    /** The bullet to show for this line's marker (undefined when it has no bullet), noting which lists it ends. */
    next(part: LineParts, continuesParagraph: boolean): string | undefined {
      if (part.quote !== quote) lists.clear();
      quote = part.quote;
      for (const indent of lists.keys()) if (indent > part.indent) lists.delete(indent);
      const isBullet = part.marker === "-" || part.marker === "*" || part.marker === "+";
      if (!isBullet) {
        // A lazy continuation line keeps its list going; anything else at this indentation ends it.
        if (part.marker || !continuesParagraph) lists.delete(part.indent);
        return undefined;
      }
      const run = lists.get(part.indent);
      const shown = run?.original === part.marker ? run.shown : run?.shown === "-" ? "*" : "-";
      lists.set(part.indent, { original: part.marker, shown });
      return shown;
    },
  };
}

/** Whether a line closes the open fence: the same character, at least as long, nothing after it. */
function closesFence(line: string, fence: Fence): boolean {
  const match = /^[ >]*(`{3,}|~{3,}) *$/.exec(line);
  return match !== null && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** The fence a line opens, if it opens one. */
function openedFence(part: LineParts): Fence | undefined {
  const match = FENCE_OPEN.exec(part.content);
  if (!match) return undefined;
  const run = match[1]!;
  // A backtick fence's info string cannot hold a backtick; such a line is inline code, not a fence.
  if (run[0] === "`" && part.content.slice(run.length).includes("`")) return undefined;
  return { char: run[0]!, length: run.length };
}

/** What a (non-blank, non-fence) line is: prose that may be wrapped, or something kept as written. */
function classify(part: LineParts, line: string, next: string | undefined, listColumns: number[]): "prose" | "keep" | "comment" | "html" | "table" {
  const afterQuote = line.slice(part.quote.length);
  if (THEMATIC_BREAK.test(afterQuote)) return "keep";
  if (part.quote === "") {
    while (listColumns.length > 0 && listColumns.at(-1)! > part.indent) listColumns.pop();
    // Four columns past the enclosing item's content is an indented code block (or text that only looks like one).
    if (part.indent - (listColumns.at(-1) ?? 0) >= 4) return "keep";
  } else if (part.indent >= 4) return "keep";
  if (part.gap.length > 4 || line.includes("\t")) return "keep";
  const content = part.content;
  if (content.startsWith("<!--")) return "comment";
  // Kept until the next blank line even when it is only inline HTML: never wrong, at worst a long line kept.
  if (HTML_START.test(content)) return "html";
  if (content.startsWith("|") || (content.includes("|") && next !== undefined && isDelimiterRow(next))) return "table";
  // A heading, an underline, a definition, or a second block opened on the same line (`- * item`, `- > quote`).
  if (SETEXT_OR_DELIMITER.test(content) || LINK_DEFINITION.test(content) || startsBlock(content.slice(0, content.indexOf(" ") >>> 0))) return "keep";
  return "prose";
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/** Numbers repeated ATX headings: the second `## Notes` becomes `## Notes (2)`, skipping numbers already taken. */
function headingNumberer(): (line: string) => string {
  const seen = new Set<string>();
  return (line) => {
    const marks = /^ *#+/.exec(line)![0];
    const text = line
      .slice(marks.length)
      .replace(/[ \t]+#+[ \t]*$/, "")
      .trim();
    if (text === "" || !seen.has(text)) {
      seen.add(text);
      return line;
    }
    let n = 2;
    while (seen.has(`${text} (${n})`)) n++;
    seen.add(`${text} (${n})`);
    return `${marks} ${text} (${n})`;
  };
}

/** Whether a line is a GFM table's delimiter row (`| --- | :-: |`). */
function isDelimiterRow(line: string): boolean {
  return /^[ >]*\|?(?: *:?-+:? *\|)+ *(?::?-+:? *)?$/.test(line) || /^[ >]*:?-+:? *\| *:?-+:?/.test(line);
}

/**
 * A table row in the compact style markdownlint accepts (MD060): one space around each cell, outer pipes. Cells are
 * split where GFM splits them, at every pipe not escaped, so the table stays the same; compact rows also keep a
 * change to one cell from re-padding the whole column in a diff.
 */
export function compactRow(line: string): string {
  const prefix = /^(?:[ >]*)/.exec(line)![0];
  const cells = line
    .slice(prefix.length)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
  if (cells[0] === "") cells.shift();
  if (cells.length > 1 && cells.at(-1) === "") cells.pop();
  const delimiter = cells.every((cell) => /^:?-+:?$/.test(cell));
  const shown = delimiter ? cells.map((cell) => `${cell.startsWith(":") ? ":" : ""}---${cell.length > 1 && cell.endsWith(":") ? ":" : ""}`) : cells;
  return `${prefix}|${shown.map((cell) => (cell === "" ? " " : ` ${cell} `)).join("|")}|`;
}

/** Trailing whitespace is dropped, except a hard line break's spaces, which become exactly two (MD009). */
function trimTrailing(line: string): string {
  // Most lines end in a visible character: nothing to trim.
  if (line.length === 0 || line.charCodeAt(line.length - 1) > 32) return line;
  // Spaces and tabs only: other white space (U+2028, U+00A0, a form feed) is content to Markdown.
  const trimmed = line.replace(/[ \t]+$/, "");
  return / {2}$/.test(line) && trimmed !== "" ? `${trimmed}  ` : trimmed;
}

/** Text without its trailing spaces and tabs; String#trimEnd would also drop U+2028, U+00A0 and U+FEFF, which are content. */
function trimSpacesEnd(text: string): string {
  return text.replace(/[ \t]+$/, "");
}

/** A paragraph re-flowed into lines of at most `width` columns where breaking is safe. */
function wrapParagraph({ head, texts }: Paragraph, width: number): string[] {
  const marker = head.marker;
  const continuation = `${head.quote}${" ".repeat(head.indent + marker.length + head.gap.length)}`;
  const lines: string[] = [];
  let prefix = `${head.quote}${" ".repeat(head.indent)}${marker}${head.gap}`;
  let segment: string[] = [];
  texts.forEach((text, i) => {
    const last = i === texts.length - 1;
    // A hard line break (two spaces or a backslash at the end of a line) ends a run of text that may be joined.
    const spaces = !last && text.endsWith("  ");
    segment.push(spaces || last ? trimSpacesEnd(text) : text);
    if (last || spaces || text.endsWith("\\")) {
      const joined = trimSpacesEnd(segment.join(" ")).replace(/^[ \t]+/, "");
      // Most paragraphs and list items fit on one line: no need to find where they could break.
      if (prefix.length + joined.length <= width) lines.push(`${prefix}${joined}${spaces ? "  " : ""}`);
      else lines.push(...fill(prefix, continuation, unbreakableWords(joined), width, spaces ? "  " : ""));
      prefix = continuation;
      segment = [];
    }
  });
  return lines;
}

/** Greedy fill: words go on the current line while it stays within `width`; a word longer than that stands alone. */
function fill(prefix: string, continuation: string, words: string[], width: number, end: string): string[] {
  const lines: string[] = [];
  let current = `${prefix}${words[0] ?? ""}`;
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = `${continuation}${word}`;
    }
  }
  lines.push(`${current}${end}`);
  return lines;
}

/**
 * Splits prose at the spaces where a line break changes nothing and the text stays readable: not inside code
 * spans, autolinks, HTML tags or links, not after a backslash (a hard break), and not before text that would start a new block.
 */
function unbreakableWords(content: string): string[] {
  const words: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const word = content.slice(start, end);
    if (word === "") return;
    const previous = words.at(-1);
    if (previous !== undefined && (startsBlock(word) || previous.endsWith("\\"))) words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  };
  while (i < content.length) {
    const ch = content[i]!;
    if (ch === "\\") i += 2;
    else if (ch === "`") i = skipCodeSpan(content, i);
    else if (ch === "<" && HTML_START.test(content.slice(i, i + 2))) {
      const close = content.indexOf(">", i);
      i = close === -1 ? i + 1 : close + 1;
    } else if (ch === "[") i = skipLink(content, i);
    else if (ch === " ") {
      push(i);
      while (content[i] === " ") i++;
      start = i;
    } else i++;
  }
  push(content.length);
  return words;
}

/** Whether a word at the start of a line would begin a quote, HTML, a table, a fence, a heading, a list item, a thematic break or a setext underline. */
function startsBlock(word: string): boolean {
  return /^(?:[><|]|`{3}|~{3}|#{1,6}$|\+$|\d{1,9}[.)]$|[-=_*]+$)/.test(word);
}

/** The index after the code span opening at `i`, or after its backtick run when it never closes. */
function skipCodeSpan(content: string, i: number): number {
  let end = i;
  while (content[end] === "`") end++;
  const run = end - i;
  for (let j = end; j < content.length;) {
    if (content[j] !== "`") {
      j++;
      continue;
    }
    let k = j;
    while (content[k] === "`") k++;
    if (k - j === run) return k;
    j = k;
  }
  return end;
}

/** The index after the link or image opening at `i` (`[text](destination)`, `[text][label]`), or `i + 1`. */
function skipLink(content: string, i: number): number {
  let depth = 0;
  for (let j = i; j < content.length; j++) {
    const ch = content[j];
    if (ch === "\\") j++;
    else if (ch === "`") j = skipCodeSpan(content, j) - 1;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) {
      if (content[j + 1] === "(") return skipParens(content, j + 1);
      if (content[j + 1] === "[") return skipLink(content, j + 1);
      return i + 1;
    }
  }
  return i + 1;
}

/** The index after the parenthesised link destination opening at `open`, nesting counted. */
function skipParens(content: string, open: number): number {
  let depth = 0;
  for (let j = open; j < content.length; j++) {
    const ch = content[j];
    if (ch === "\\") j++;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return j + 1;
  }
  return open + 1;
}

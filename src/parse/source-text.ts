import type { Node } from "unist";
import type { Location, Point } from "../diagnostics/diagnostic.js";

/** A file's text with offset ↔ line/column conversion, the one place positions are computed. */
export interface SourceText {
  file: string;
  text: string;
  /** The location of the text between two offsets. */
  span(startOffset: number, endOffset: number): Location;
  /** The location of an mdast node. */
  nodeSpan(node: Node): Location;
  /** The verbatim source of a node. */
  slice(node: Node): string;
}

/**
 * The offset just after each line ending (`\n`, `\r\n` or a lone `\r`), as vfile-location counts lines.
 * Built once, so that each position is a binary search: vfile-location scans from the first line on every call,
 * which made a 100,000-row table quadratic.
 */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) ends.push(i + 1);
  }
  return ends;
}

/** Wraps a file's text for position look-ups. */
export function sourceText(file: string, text: string): SourceText {
  const ends = lineEnds(text);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, text.length));
    // The number of line endings at or before the offset is its 0-based line.
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid]! <= clamped) low = mid + 1;
      else high = mid;
    }
    return { line: low + 1, column: clamped - (low > 0 ? ends[low - 1]! : 0) + 1, offset: clamped };
  };
  const span = (s: number, e: number): Location => ({ file, start: point(s), end: point(Math.max(s, e)) });
  return {
    file,
    text,
    span,
    nodeSpan: (node) => span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
    slice: (node) => text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
  };
}

import type { Node } from "unist";
import { location } from "vfile-location";
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

/** Wraps a file's text for position look-ups. */
export function sourceText(file: string, text: string): SourceText {
  const place = location(text);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const p = place.toPoint(clamped);
    return p ? { line: p.line, column: p.column, offset: clamped } : { line: 1, column: 1, offset: 0 };
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

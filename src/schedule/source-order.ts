/** The order of records by where they were written: of two records claiming one id or number, the first wins. */
import type { Source } from "../model/types.js";

/** By file, then line, then column. */
export function compareSources(a: Source, b: Source): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.at.start.line - b.at.start.line || a.at.start.column - b.at.start.column;
}

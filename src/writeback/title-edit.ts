import type { RawField } from "../parse/raw-record.js";
import type { Splice } from "./splice.js";

/**
 * Replaces the part of a `# Title` heading that gives a field: the id or ADR number after the `#` marks, or the name or
 * title at its end (`# TD2: Config Management`). Undefined when the heading does not hold the value as written.
 */
export function setTitlePart(text: string, field: RawField, value: string): Splice[] | undefined {
  const start = field.at.start.offset ?? 0;
  const heading = text.slice(start, field.at.end.offset ?? start);
  const marks = /^#+[ \t]*/.exec(heading)?.[0].length ?? 0;
  if (field.name === "number") {
    const m = /\d+/.exec(heading.slice(marks));
    if (!m) return undefined;
    // `# 0003. Title` keeps its zero padding.
    const padded = m[0].startsWith("0") ? value.padStart(m[0].length, "0") : value;
    const at = start + marks + m.index;
    return [{ start: at, end: at + m[0].length, text: padded }];
  }
  const old = String(field.value);
  const index = field.name === "id" ? heading.indexOf(old, marks) : heading.lastIndexOf(old);
  if (old === "" || index < marks) return undefined;
  return [{ start: start + index, end: start + index + old.length, text: value }];
}

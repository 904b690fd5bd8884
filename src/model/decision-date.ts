/** How an ADR's date reads: a calendar date, or why it is not one. */
export type DateReading = { iso: string } | { problem: "ambiguous" | "invalid"; reason: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The number of a month name (`Feb`, `February`), 1-based, or undefined. */
function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(lower) && (lower.length === 3 || m === lower || (lower === "sept" && m === "september")));
  return index === -1 ? undefined : index + 1;
}

/** `YYYY-MM-DD` when the day exists in the calendar, undefined otherwise (`2017-02-30`). */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fromParts(year: number, month: number, day: number, text: string): DateReading {
  const iso = isoDate(year, month, day);
  return iso ? { iso } : { problem: "invalid", reason: `\`${text}\` is not a day of the calendar` };
}

/**
 * Reads a date as ADR authors write it: `2016-02-12`, `2017/11/22`, `12.02.2016`, `12 February 2016`, `Feb 12, 2016`.
 * `7/12/2022` could be July or December: it is ambiguous, not guessed.
 */
export function readDate(written: string): DateReading {
  const text = written.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/s.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    // Dots are day-first wherever they are used for dates; slashes and dashes are day-first in some countries, month-first in others.
    if (m[2] === "." || a > 12) return fromParts(year, b, a, text);
    if (b > 12 || a === b) return fromParts(year, a, b, text);
    return { problem: "ambiguous", reason: `\`${text}\` may be ${isoDate(year, a, b) ?? "?"} or ${isoDate(year, b, a) ?? "?"}` };
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m && monthOf(m[2]!)) return fromParts(Number(m[3]), monthOf(m[2]!)!, Number(m[1]), text);
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m && monthOf(m[1]!)) return fromParts(Number(m[3]), monthOf(m[1]!)!, Number(m[2]), text);
  return { problem: "invalid", reason: `\`${text}\` is not a date` };
}

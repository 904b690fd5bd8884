/**
 * The one order for workstream ids everywhere in the schedule: natural order (`TD2` before
 * `TD10`), then plain code-unit order so that distinct ids never compare equal (`a01` vs
 * `a1`). No locale is involved, so the order is the same on every machine.
 */

/** True for the code units of `0`–`9`. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** End (exclusive) of the run of digits or non-digits starting at `i`. */
function runEnd(s: string, i: number): number {
  const digits = isDigit(s.charCodeAt(i));
  let j = i + 1;
  while (j < s.length && isDigit(s.charCodeAt(j)) === digits) j++;
  return j;
}

/** Compares two digit runs by value, without converting (runs may be longer than a double holds). */
function compareDigitRuns(a: string, b: string): number {
  const x = a.replace(/^0+/, "");
  const y = b.replace(/^0+/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Natural order of ids (`TD2` < `TD10`), total and locale-free. */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ei = runEnd(a, i);
    const ej = runEnd(b, j);
    const ra = a.slice(i, ei);
    const rb = b.slice(j, ej);
    const bothDigits = isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j));
    const c = bothDigits ? compareDigitRuns(ra, rb) : ra < rb ? -1 : ra > rb ? 1 : 0;
    if (c !== 0) return c;
    i = ei;
    j = ej;
  }
  if (a.length - i !== b.length - j) return a.length - i - (b.length - j);
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { Decision } from "./types.js";

/** True for an 8-digit `YYYYMMDD` prefix, which log4brains puts in file names instead of a number. */
export function isDatePrefix(digits: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1970 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The ADR number at the start of a file name (`0003-use-x`, `adr-0003-use-x`, `ADR_003`); none for a date prefix. */
export function numberFromStem(stem: string): number | undefined {
  const m = /^(?:adr[-_ ]?)?(\d+)(?=$|[-_. ])/i.exec(stem);
  if (!m || isDatePrefix(m[1]!)) return undefined;
  return Number(m[1]);
}

/** The target of a Markdown link written as the whole reference (`[3. Use X](0003-use-x.md)`), or the reference itself. */
function linkTarget(ref: string): string {
  const m = /^\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$/.exec(ref.trim());
  return m ? m[1]! : ref.trim();
}

/**
 * The keys a reference to an ADR may match, best first: `number:3` for `3`, `0003`, `ADR-0003`, `#3`;
 * `stem:0003-use-x` (then `number:3`) for a file name or a link to one. External URLs match nothing.
 */
export function decisionRefKeys(ref: string): string[] {
  let target = linkTarget(ref);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return [];
  const number = /^(?:adr)?[\s#_-]*0*(\d+)$/i.exec(target);
  if (number) return [`number:${Number(number[1])}`];
  target = target.replace(/[#?].*$/s, "");
  let base = target.split("/").pop() ?? target;
  try {
    base = decodeURIComponent(base);
  } catch {
    // A stray `%` is part of the name.
  }
  const stem = base.replace(/\.(md|markdown)$/i, "");
  if (stem === "") return [];
  const fromName = numberFromStem(stem);
  return [`stem:${stem.toLowerCase()}`, ...(fromName !== undefined ? [`number:${fromName}`] : [])];
}

/** Looks ADRs up by any reference to them. */
export interface DecisionIndex {
  find(ref: string): Decision | undefined;
}

/** Indexes ADRs by number and by file name; a file name shared by several records (a table of ADRs) is not a key. */
export function decisionIndex(decisions: readonly Decision[]): DecisionIndex {
  const byKey = new Map<string, Decision>();
  const stems = new Map<string, number>();
  for (const d of decisions) stems.set(d.stem.toLowerCase(), (stems.get(d.stem.toLowerCase()) ?? 0) + 1);
  for (const d of decisions) {
    const keys = [...(d.number !== undefined ? [`number:${d.number}`] : []), ...(stems.get(d.stem.toLowerCase()) === 1 ? [`stem:${d.stem.toLowerCase()}`] : []), `stem:${d.id.toLowerCase()}`];
    // The first record with a key keeps it: a duplicate number is reported by validation, and links go to the first.
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, d);
  }
  return {
    find(ref) {
      for (const key of decisionRefKeys(ref)) {
        const found = byKey.get(key);
        if (found) return found;
      }
      return undefined;
    },
  };
}

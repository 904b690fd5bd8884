/**
 * Whether two `owns` / `touches` entries can name the same file, and whether a resolution
 * rule covers one. Entries are paths or globs (picomatch syntax, dotfiles included); a
 * leading `./` is dropped and a trailing `/` means everything under that directory.
 *
 * Deciding exactly whether two globs share a match is costly, so for two globs this answers
 * "may overlap" soundly: every match of a glob lies under its literal prefix
 * (`picomatch.scan(p).base`), so two globs whose prefixes are not nested (`src/a/**` and
 * `docs/*.md`) cannot share a file; nested prefixes count as a possible overlap (a false
 * positive at worst: `src/*.py` and `src/*.ts`). Negated globs may overlap anything.
 */
import picomatch from "picomatch";

/** Two ways of writing one pattern compare equal after this. */
export function normalizePattern(pattern: string): string {
  const p = pattern.trim().replace(/^(\.\/)+/, "");
  return p.endsWith("/") ? `${p}**` : p;
}

// Scanning and compiling a glob costs far more than matching with it; plans repeat patterns, so both are memoised.
// Bounded: a long `watch` or agent server sees every pattern ever typed, and a compiled matcher is not small.
const scans = new Map<string, ReturnType<typeof picomatch.scan>>();
const matchers = new Map<string, (path: string) => boolean>();
const MEMO_LIMIT = 100_000;

/** The memoised value for `key`, made (and the memo emptied first when full) on a miss. */
function memoised<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (value = make()));
  }
  return value;
}

function scanOf(pattern: string): ReturnType<typeof picomatch.scan> {
  return memoised(scans, pattern, () => picomatch.scan(pattern));
}

/** Whether a (normalized) pattern is a glob rather than a literal path. */
export function isGlob(pattern: string): boolean {
  return scanOf(pattern).isGlob;
}

/** Whether a glob matches a literal path (dotfiles included). */
function globMatches(glob: string, path: string): boolean {
  return memoised(matchers, glob, () => picomatch(glob, { dot: true }))(path);
}

/** The directory every match of a glob lies under ("" when it may match anywhere). */
export function literalPrefix(glob: string): string {
  const scan = scanOf(glob);
  return scan.negated ? "" : scan.base.replace(/\/+$/, "");
}

/** Whether one directory contains the other (or they are the same; "" contains all). */
export function nested(a: string, b: string): boolean {
  return a === "" || b === "" || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** Certainly the same file: equal, or a glob matching the other's literal path. */
export function patternsSurelyOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = isGlob(a);
  const gb = isGlob(b);
  if (ga === gb) return false;
  return ga ? globMatches(a, b) : globMatches(b, a);
}

/** Possibly the same file: surely, or two globs whose literal prefixes are nested. */
export function patternsMayOverlap(a: string, b: string): boolean {
  if (patternsSurelyOverlap(a, b)) return true;
  return isGlob(a) && isGlob(b) && nested(literalPrefix(a), literalPrefix(b));
}

/** What to call the shared file: the literal path when there is one, else the narrower glob. */
export function sharedFile(a: string, b: string): string {
  if (a === b || !isGlob(a)) return a;
  if (!isGlob(b)) return b;
  if (ruleCovers(a, b)) return b;
  if (ruleCovers(b, a)) return a;
  const la = literalPrefix(a).length;
  const lb = literalPrefix(b).length;
  if (la !== lb) return la > lb ? a : b;
  return a < b ? a : b;
}

/**
 * Whether a rule's pattern covers a file: the same pattern, a glob matching the literal
 * path, or, for a glob, a rule `dir/**` (or `**`) whose directory holds the glob's prefix.
 */
export function ruleCovers(rulePattern: string, file: string): boolean {
  const rule = normalizePattern(rulePattern);
  if (rule === file) return true;
  if (!isGlob(file)) return isGlob(rule) && globMatches(rule, file);
  if (rule === "**") return true;
  if (!rule.endsWith("/**")) return false;
  const dir = rule.slice(0, -3);
  const prefix = literalPrefix(file);
  return !isGlob(dir) && (prefix === dir || prefix.startsWith(`${dir}/`));
}

import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Problems of `after` that `before` did not have, compared by severity, code, file and message (lines move when text is inserted). */
export function introduced(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.severity}\u0000${d.code}\u0000${d.file}\u0000${d.message}`;
  const known = new Map<string, number>();
  for (const d of before) known.set(key(d), (known.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    const left = known.get(key(d)) ?? 0;
    known.set(key(d), left - 1);
    return left <= 0;
  });
}

/** Errors of `after` that `before` did not have. */
export function introducedErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  return introduced(before, after).filter((d) => d.severity === "error");
}

import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { introduced } from "../writeback/revalidate.js";

/**
 * Whether a file-system event can change a build: plan records (`.md`), templates (`.hbs`), the config file, or a
 * folder. Editors' and paraplan's own temporary files (`x.md.3847.<uuid>.tmp`, sed's `sed11xm3A`, vim's `4913`,
 * `x.md~`, `.x.swp`) are not: their rename to the real name is reported as a change of the real file.
 */
export function buildInput(event: string, file: string): boolean {
  if (event === "addDir" || event === "unlinkDir") return true;
  const name = path.basename(file);
  return /\.(md|hbs)$/i.test(name) || name === "paraplan.config.json";
}

/**
 * The diagnostics a rebuild prints: every error (nothing is written while there is one), and the warnings the last
 * build did not have; the rest is counted, not printed again.
 */
export function freshDiagnostics(previous: readonly Diagnostic[] | undefined, current: readonly Diagnostic[]): { shown: Diagnostic[]; repeated: number } {
  if (!previous) return { shown: [...current], repeated: 0 };
  const fresh = new Set(introduced(previous, current));
  const shown = current.filter((d) => d.severity === "error" || fresh.has(d));
  return { shown, repeated: current.length - shown.length };
}

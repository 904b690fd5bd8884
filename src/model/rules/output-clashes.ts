import { diagnostic, type Diagnostic, type Location } from "../../diagnostics/diagnostic.js";
import { ADR_INDEX, adrPath, PLAN_DOCUMENT, promptPath, sessionPath } from "../output-paths.js";
import type { Rule } from "./rule.js";

/** A generated document and what it is generated from: a record (with the key duplicate-ids compares) or paraplan itself. */
interface Claim {
  path: string;
  label: string;
  /** `kind:key` of the record, as `duplicate-ids` compares it; undefined for a document no record owns (the index). */
  key?: string;
  at?: Location;
}

// macOS and Windows file systems fold case: `prompts/W3_X.md` and `prompts/w3_x.md` are one file there.
const fold = (p: string) => p.normalize("NFC").toLowerCase();

const head = (s: { source: { at: Location } }): Location => ({ ...s.source.at, end: s.source.at.start });

/**
 * Two records that would be written to one file in `out/` (or a record written over a document paraplan makes, such
 * as the ADR index) are an error naming both: otherwise one document would silently replace the other.
 */
export const outputClashes: Rule = {
  name: "output-clashes",
  check(plan) {
    const claims: Claim[] = [
      { path: PLAN_DOCUMENT, label: "the execution plan" },
      ...(plan.decisions.length > 0 ? [{ path: ADR_INDEX, label: "the ADR index" }] : []),
      ...plan.workstreams.map((w) => ({ path: promptPath(w), label: `workstream \`${w.id}\``, key: `workstream:${w.id.toLowerCase()}`, at: head(w) })),
      ...plan.sessions.map((s) => ({ path: sessionPath(s), label: `session \`${s.date} ${s.title}\``, key: `session:${`${s.date}-${s.slug}`.toLowerCase()}`, at: head(s) })),
      ...plan.decisions.map((d) => ({
        path: adrPath(d),
        label: `ADR \`${d.id}\``,
        key: `decision:${(d.number !== undefined ? String(d.number).padStart(4, "0") : d.id).toLowerCase()}`,
        at: head(d),
      })),
    ];
    const first = new Map<string, Claim>();
    const found: Diagnostic[] = [];
    for (const claim of claims) {
      const earlier = first.get(fold(claim.path));
      if (!earlier) {
        first.set(fold(claim.path), claim);
        continue;
      }
      // Two records with one id are reported once, by duplicate-ids.
      if (!claim.at || claim.key === earlier.key) continue;
      found.push(
        diagnostic(
          "error",
          "output-path-clash",
          claim.at,
          `${claim.label} would be written to \`${claim.path}\`, the file of ${earlier.label}${earlier.path !== claim.path ? ` (\`${earlier.path}\`, the same file where case is ignored)` : ""}`,
          earlier.at ? "Change the id, name, title or file name of one of them so each gets its own file." : "Rename this file: that name is taken by a document paraplan generates.",
          earlier.at ? [{ ...earlier.at, message: `${earlier.label} is written there` }] : undefined,
        ),
      );
    }
    return found;
  },
};

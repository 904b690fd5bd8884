import type { Location } from "../diagnostics/diagnostic.js";
import type { DecisionStatus } from "./types.js";

// Words people write for the standard statuses (MADR, adr-tools, log4brains and common variants).
const WORDS: Record<string, DecisionStatus> = {
  proposed: "proposed",
  draft: "proposed",
  open: "proposed",
  pending: "proposed",
  "in review": "proposed",
  accepted: "accepted",
  approved: "accepted",
  adopted: "accepted",
  done: "accepted",
  implemented: "accepted",
  decided: "accepted",
  rejected: "rejected",
  declined: "rejected",
  deprecated: "deprecated",
  obsolete: "deprecated",
  superseded: "superseded",
  superceded: "superseded",
  replaced: "superseded",
};

/** Maps a status as written (`✅ Accepted`, `Superseded by [3. …](…)`) to a standard one, or undefined. */
export function mapDecisionStatus(text: string): { status?: DecisionStatus; supersededBy?: { id: string; at?: Location } } {
  const plain = text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}\s[\]().:#-]/gu, " ")
    .toLowerCase()
    .trim();
  const superseded = /^(superseded|superceded|replaced)\b(?:\s+by)?\s*\[?\s*(?:adr[- ]?)?#?0*(\d+)/.exec(plain);
  if (superseded) return { status: "superseded", supersededBy: { id: superseded[2]! } };
  const first = /^[\p{L}]+(?:\s+review)?/u.exec(plain)?.[0];
  const status = first ? (WORDS[first] ?? WORDS[first.split(" ")[0]!]) : undefined;
  return status ? { status } : {};
}

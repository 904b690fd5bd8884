import type { Location } from "../diagnostics/diagnostic.js";
import { readLinkPhrase, type LinkPhrase } from "./decision-link-phrase.js";
import type { DecisionStatus } from "./types.js";

// Words people write for the standard statuses (MADR, adr-tools, log4brains, phodal/adr in Chinese, common variants).
const WORDS: Record<string, DecisionStatus> = {
  proposed: "proposed",
  proposal: "proposed",
  draft: "proposed",
  open: "proposed",
  pending: "proposed",
  "in review": "proposed",
  "under review": "proposed",
  "in progress": "proposed",
  wip: "proposed",
  "on hold": "proposed",
  rfc: "proposed",
  提议: "proposed",
  提案: "proposed",
  草稿: "proposed",
  accepted: "accepted",
  approved: "accepted",
  adopted: "accepted",
  agreed: "accepted",
  done: "accepted",
  implemented: "accepted",
  decided: "accepted",
  // Part of it still holds, so it is still in force (alphagov/govuk-aws writes this).
  "partly superseded": "accepted",
  "partially superseded": "accepted",
  通过: "accepted",
  完成: "accepted",
  接受: "accepted",
  已接受: "accepted",
  采纳: "accepted",
  rejected: "rejected",
  declined: "rejected",
  拒绝: "rejected",
  已拒绝: "rejected",
  deprecated: "deprecated",
  obsolete: "deprecated",
  retired: "deprecated",
  弃用: "deprecated",
  已弃用: "deprecated",
  废弃: "deprecated",
  已废弃: "deprecated",
  superseded: "superseded",
  superceded: "superseded",
  superseeded: "superseded",
  replaced: "superseded",
  取代: "superseded",
  已取代: "superseded",
  被取代: "superseded",
};

/** One line of a status as written, with where it is. */
export interface StatusPart {
  value: string;
  at: Location;
}

/** A link found in a status, with where it is written. */
export interface StatusLink {
  phrase: LinkPhrase;
  at: Location;
}

/** What a status says: the standard status (the last one written, for a dated history), its text, and its links. */
export interface StatusReading {
  status?: DecisionStatus;
  /** The lines that say the status, joined by ` | `: lines that only link to another ADR (`Amends […](…)`) are links, not status. */
  text: string;
  links: StatusLink[];
}

/** Text as the status words are keyed: NFKC, lower case, punctuation and emoji dropped, spaces single. */
function plainWords(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The standard status a whole text names (`Accepted`, `Partially superseded`), or undefined: no first-word guess. */
export function statusOfWord(text: string): DecisionStatus | undefined {
  const plain = plainWords(text);
  return Object.hasOwn(WORDS, plain) ? WORDS[plain] : undefined;
}

/** A status word as written (`✅ Accepted`, `ACCEPTED`, `已弃用`) mapped to a standard one, or undefined. */
export function mapStatusWord(text: string): DecisionStatus | undefined {
  const plain = plainWords(text);
  const words = plain.split(" ");
  // Own keys only: `constructor` is a word too, and must not find Object.prototype.constructor.
  const word = (key: string) => (Object.hasOwn(WORDS, key) ? WORDS[key] : undefined);
  return word(plain) ?? word(words.slice(0, 2).join(" ")) ?? word(words[0] ?? "");
}

// The first line of phodal/adr's status section lists the allowed values: `列表：提议/通过/完成/已弃用/已取代`.
function isLegend(text: string): boolean {
  if (/^(列表|list|statuses|values)\s*[:：]/i.test(text)) return true;
  const options = text.split("/");
  return options.length >= 3 && options.every((o) => mapStatusWord(o) !== undefined);
}

/** A location moved `by` characters to the right on its first line (a part of a one-line value). */
function shifted(at: Location, by: number, length: number): Location {
  const move = (delta: number) => ({ line: at.start.line, column: at.start.column + delta, ...(at.start.offset !== undefined ? { offset: at.start.offset + delta } : {}) });
  return { file: at.file, start: move(by), end: move(by + length) };
}

/**
 * Reads a status from its lines: `Accepted`, `Superseded by [3. …](…)`, `accepted; supersedes ADR-0045`,
 * a dated history (`2017-11-22 提议`, then `2017-11-26 完成`: the last line is the current status), links between ADRs.
 */
export function readStatus(parts: readonly StatusPart[]): StatusReading {
  let status: DecisionStatus | undefined;
  const text: string[] = [];
  const links: StatusLink[] = [];
  for (const part of parts) {
    let onlyLinks = true;
    let offset = 0;
    for (const raw of part.value.split(";")) {
      const lead = raw.length - raw.trimStart().length;
      const dated = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+/.exec(raw.trim());
      const clause = raw.trim().slice(dated?.[0].length ?? 0);
      const clauseStart = offset + lead + (dated?.[0].length ?? 0);
      offset += raw.length + 1;
      if (clause === "") continue;
      const phrase = isLegend(clause) ? undefined : readLinkPhrase(clause);
      if (phrase) {
        links.push({ phrase, at: shifted(part.at, clauseStart + phrase.offset, phrase.length) });
        if (phrase.relation !== "superseded-by") continue;
        status = "superseded";
      } else if (!isLegend(clause)) {
        status = mapStatusWord(clause) ?? status;
      }
      onlyLinks = false;
    }
    if (!onlyLinks) text.push(part.value);
  }
  return { ...(status ? { status } : {}), text: text.join(" | "), links };
}

/** Maps a status as written (`✅ Accepted`, `Superseded by [3. …](…)`) to a standard one, or undefined. */
export function mapDecisionStatus(text: string): { status?: DecisionStatus; supersededBy?: { id: string; at?: Location } } {
  const nowhere: Location = { file: "", start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const reading = readStatus(text.split(/\s+\|\s+|\n/).map((value) => ({ value, at: nowhere })));
  const by = reading.links.find((l) => l.phrase.relation === "superseded-by");
  return { ...(reading.status ? { status: reading.status } : {}), ...(by ? { supersededBy: { id: by.phrase.target } } : {}) };
}

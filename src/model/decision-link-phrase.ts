import { decisionRefKeys } from "./decision-ref.js";

/** A relation and the ADR it names, read from a line such as `Amended by [9. Help scripts](0009-help-scripts.md)`. */
export interface LinkPhrase {
  /** Kebab case: `superseded-by`, `amends`, `relates-to`, or the words as written (`clarified-by`). */
  relation: string;
  /** The relation as written (`Superceded by`). */
  words: string;
  /** The ADR it names: a Markdown link's destination (`0009-help-scripts.md`), `ADR-0045`, `3`, or a file name. */
  target: string;
  /** The link text of a Markdown link (`9. Help scripts`). */
  label?: string;
  /** Where the reference starts in the line, and its length as written. */
  offset: number;
  length: number;
}

// The relations adr-tools, MADR and log4brains write, with their common misspellings; other words are kept as written.
const RELATIONS: Record<string, string> = {
  supersedes: "supersedes",
  supercedes: "supersedes",
  superseeds: "supersedes",
  replaces: "supersedes",
  superseded: "superseded-by",
  superceded: "superseded-by",
  "superseded by": "superseded-by",
  "superceded by": "superseded-by",
  "superseeded by": "superseded-by",
  "replaced by": "superseded-by",
  amends: "amends",
  "amended by": "amended-by",
  "relates to": "relates-to",
  "related to": "relates-to",
  related: "relates-to",
  "see also": "relates-to",
  see: "relates-to",
};

/** The opposite relation, for the links that come in pairs. */
export const INVERSE: Readonly<Record<string, string>> = {
  supersedes: "superseded-by",
  "superseded-by": "supersedes",
  amends: "amended-by",
  "amended-by": "amends",
  "relates-to": "relates-to",
};

// `Words [label](target)`, `Words ADR-0045`, `Words 3`, `Words 0003-use-x.md`: a few words, then one reference, then at most a full stop.
const LINK = /^(?:\*\*|__)?([\p{L}][\p{L} ]{0,30}?)(?:\*\*|__)?\s*:?\s+((?:\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\))|(?:ADR[- ]?#?\d+)|(?:#?\d+)|(?:[\w.%-]+\.md))(?:\*\*|__)?\s*[.;,]?\s*$/iu;

/** The relation's words in kebab case, mapped to the standard ones. */
function relationOf(words: string): string {
  const lower = words.toLowerCase().replace(/\s+/g, " ").trim();
  // Own keys only: `Constructor [x](y)` must not find Object.prototype.constructor.
  return Object.hasOwn(RELATIONS, lower) ? RELATIONS[lower]! : lower.replace(/ /g, "-");
}

/** Reads a line that links to another ADR; undefined for anything else (a status word, prose, a link to a web page). */
export function readLinkPhrase(line: string): LinkPhrase | undefined {
  const m = LINK.exec(line.trim());
  if (!m) return undefined;
  const words = m[1]!.trim();
  const written = m[2]!;
  const target = m[4] ?? written;
  // A relation is a few words, never a sentence; and the target must name an ADR, not a web page.
  if (words.split(/\s+/).length > 3 || target === "" || decisionRefKeys(target).length === 0) return undefined;
  const relation = relationOf(words);
  // Other words (`Clarified by`, `Refines`) make a link only with an unmistakable target: `Pending 2018` is no link.
  if (!(relation in INVERSE) && (!/^[a-z]+(-by|-to|-on)?$/.test(relation) || /^#?\d+$/.test(target))) return undefined;
  const phrase: LinkPhrase = { relation, words, target, offset: line.indexOf(written), length: written.length };
  if (m[3] !== undefined) phrase.label = m[3];
  return phrase;
}

import { buildDecision } from "../../model/build-decision.js";
import { toSlug } from "../../model/build-records.js";
import { isDatePrefix } from "../../model/decision-ref.js";
import type { Decision } from "../../model/types.js";
import { parseRecord } from "../../parse/parse-record.js";
import { renumberText } from "./decision-renumber.js";

/** A file of the folder being imported: its name, and its text when it is UTF-8 text. */
export interface ImportSource {
  name: string;
  /** Undefined for a file that is not text (an image, a binary). */
  text?: string;
  /** Why a Markdown file was not read, when the plan reader's checks refused it (too large, a FIFO, binary). */
  problem?: string;
  /** True for a sub-folder. */
  folder?: boolean;
  /** Why a Markdown name was not read: a symbolic link, a pipe or a device (import reads regular files only). */
  notRegular?: string;
  /** The text as read, byte-order mark included, to copy byte for byte. */
  raw?: string;
}

/** What importing does with one file: copy it (under its name or a new one), or skip it and why. */
export type ImportStep =
  | {
      action: "copy";
      from: string;
      to: string;
      renamed: boolean;
      decision: Decision;
      /** With `--renumber`: the number the plan already had, and the next free one the file gets instead. */
      renumbered?: { from: number; to: number };
      /** The text to write, when it is not the file's own: its links to renumbered files rewritten. */
      text?: string;
    }
  | { action: "skip"; from: string; reason: string };

/** The ADR files already in `plan/decisions/`: their names, the number each one has, and their texts. */
export interface ExistingDecisions {
  names: readonly string[];
  numbers: ReadonlyMap<number, string>;
  /** Texts by name: a file imported before, under a new name, is not imported twice. */
  texts?: ReadonlyMap<string, string>;
}

// Index pages and templates that ADR tools keep beside the records (adr-tools, MADR, log4brains).
const NOT_RECORDS = /^(readme|index|template|adr-template|_template|toc|summary)(\.[a-z]+)?$/i;

/** The file's name without its Markdown extension, or undefined when it is not Markdown. */
function markdownStem(name: string): string | undefined {
  const m = /^(.*)\.(md|markdown)$/i.exec(name);
  return m ? m[1] : undefined;
}

/** Reads one file as an ADR, as the plan will read it; the first error when the plan could not read it as a record. */
function readDecision(name: string, text: string): Decision | string {
  const parsed = parseRecord(text, name, `decisions/${name}`);
  const record = parsed.records[0];
  if (!record) return parsed.diagnostics.find((d) => d.severity === "error")?.message ?? "not a record";
  return buildDecision(record, []);
}

/**
 * The name an imported ADR gets in `plan/decisions/`: its own when it already starts with a number (`0005-help.md`) or a
 * log4brains date (`20201016-use-slugs.md`), since links between ADRs name files; otherwise `NNNN-slug.md`, the number from
 * `adr-012-…` names, else from the ADR itself (`# 12. Title`), else the next free one.
 */
function targetName(stem: string, decision: Decision, next: () => number): { name: string; number?: number } {
  const numbered = /^(\d+)[-_. ]/.exec(stem);
  if (numbered) return isDatePrefix(numbered[1]!) ? { name: `${stem}.md` } : { name: `${stem}.md`, number: Number(numbered[1]) };
  const prefixed = /^adr[-_ ]?(\d+)[-_ .]*(.*)$/i.exec(stem);
  const number = prefixed ? Number(prefixed[1]) : (decision.number ?? next());
  const slug = toSlug(prefixed?.[2] || (decision.number === undefined && !prefixed ? stem : decision.title));
  return { name: `${String(number).padStart(4, "0")}-${slug}.md`, number };
}

/**
 * Plans an import: which files are copied under which names, and which are skipped, in file-name order; nothing is written.
 * `shownDir` is the decisions folder as messages name it.
 */
export function planDecisionImport(sources: readonly ImportSource[], existing: ExistingDecisions, shownDir = "plan/decisions", options: { renumber?: boolean } = {}): ImportStep[] {
  const sorted = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const taken = new Map(existing.numbers);
  const names = new Set(existing.names.map((n) => n.toLowerCase()));
  let highest = Math.max(0, ...taken.keys());
  const steps: ImportStep[] = [];
  const readable = sorted.flatMap((source) => {
    const stem = markdownStem(source.name);
    const skip = (reason: string) => steps.push({ action: "skip", from: source.name, reason });
    if (source.folder) skip("a folder: import reads one folder; import it on its own");
    else if (stem === undefined) skip("not a Markdown file");
    else if (source.notRegular !== undefined) skip(`${source.notRegular}: import reads regular files only`);
    else if (NOT_RECORDS.test(stem) || source.name.startsWith(".")) skip("an index or a template, not a decision");
    else if (source.problem !== undefined) skip(source.problem);
    else if (source.text === undefined) skip("not UTF-8 text");
    else {
      const decision = readDecision(source.name, source.text);
      if (typeof decision === "string") skip(`not readable as a decision: ${decision}`);
      else return [{ source, stem, decision }];
    }
    return [];
  });
  // Numbers written in names and titles are claimed first, so a file without one never takes a number another one names.
  for (const { stem, decision } of readable) {
    const n = /^(\d+)[-_. ]/.exec(stem)?.[1] ?? /^adr[-_ ]?(\d+)/i.exec(stem)?.[1] ?? (decision.number !== undefined ? String(decision.number) : undefined);
    if (n !== undefined && !isDatePrefix(n)) highest = Math.max(highest, Number(n));
  }
  const sameText = new Map([...(existing.texts ?? new Map<string, string>())].map(([name, text]) => [text, name]));
  for (const { source, stem, decision } of readable) {
    const copy = sameText.get(source.text!);
    if (copy !== undefined) {
      steps.push({ action: "skip", from: source.name, reason: `already in the plan as ${shownDir}/${copy}` });
      continue;
    }
    const target = targetName(stem, decision, () => ++highest);
    const owner = target.number !== undefined ? taken.get(target.number) : undefined;
    if (options.renumber && target.number !== undefined && (owner !== undefined || names.has(target.name.toLowerCase()))) {
      // The next free number, above every number of the plan and of the import, so no renumbered file takes another's.
      const number = ++highest;
      const slug = target.name.replace(/\.md$/i, "").replace(/^(?:adr[-_ ]?)?\d+[-_. ]*/i, "") || toSlug(decision.title);
      const to = `${String(number).padStart(4, "0")}-${slug}.md`;
      names.add(to.toLowerCase());
      taken.set(number, to);
      steps.push({ action: "copy", from: source.name, to, renamed: true, decision, renumbered: { from: target.number, to: number } });
    } else if (names.has(target.name.toLowerCase())) steps.push({ action: "skip", from: source.name, reason: `${shownDir}/${target.name} already exists` });
    else if (owner !== undefined) steps.push({ action: "skip", from: source.name, reason: `ADR number ${target.number} is taken by ${shownDir}/${owner}` });
    else {
      names.add(target.name.toLowerCase());
      if (target.number !== undefined) taken.set(target.number, target.name);
      steps.push({ action: "copy", from: source.name, to: target.name, renamed: target.name !== source.name, decision });
    }
  }
  if (options.renumber) rewriteLinks(steps, sources, sameText, shownDir);
  return steps.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * With `--renumber`: each copied file's links to the files renamed or renumbered rewritten to their new names and
 * numbers. A file whose rewritten text the plan already has was imported before: skipped.
 */
function rewriteLinks(steps: ImportStep[], sources: readonly ImportSource[], sameText: ReadonlyMap<string, string>, shownDir: string): void {
  const stems = new Map<string, string>();
  const numbers = new Map<number, number>();
  for (const step of steps) {
    // Only names that start with a number are rewritten: a bare name (`use-x`) could be a word of the prose.
    if (step.action !== "copy" || !step.renamed || !/^(?:adr[-_ ]?)?\d/i.test(step.from)) continue;
    stems.set(step.from.replace(/\.(md|markdown)$/i, "").toLowerCase(), step.to.replace(/\.md$/i, ""));
    if (step.renumbered) numbers.set(step.renumbered.from, step.renumbered.to);
  }
  if (numbers.size === 0) return;
  const raw = new Map(sources.map((s) => [s.name, s.raw ?? s.text]));
  for (const [i, step] of steps.entries()) {
    if (step.action !== "copy") continue;
    const original = raw.get(step.from);
    if (original === undefined) continue;
    const text = renumberText(original, { stems, numbers }, step.renumbered);
    const copy = sameText.get(text);
    if (copy !== undefined) steps[i] = { action: "skip", from: step.from, reason: `already in the plan as ${shownDir}/${copy}` };
    else if (text !== original) step.text = text;
  }
}

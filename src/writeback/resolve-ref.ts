import type { Location } from "../diagnostics/diagnostic.js";
import type { Plan } from "../model/types.js";
import type { ParsedFile } from "../parse/raw-record.js";
import { suggest } from "../parse/suggest.js";
import type { RecordKind } from "../schema/record-kinds.js";

/** A record found by reference: its file, its index in that file, and how to name it in messages. */
export interface RecordTarget {
  kind: RecordKind;
  file: string;
  index: number;
  label: string;
}

/** A reference that names no record, or more than one: a message and a hint. */
export interface RefProblem {
  message: string;
  hint?: string;
}

interface Candidate {
  kind: RecordKind;
  key: string;
  label: string;
  source: { file: string; at: Location };
}

/** Every record of the plan with the key a reference names it by. */
function candidates(plan: Plan): Candidate[] {
  return [
    { kind: "project" as const, key: "project", label: "project", source: plan.project.source },
    ...plan.workstreams.map((w) => ({ kind: "workstream" as const, key: w.id, label: w.id, source: w.source })),
    ...plan.risks.map((r) => ({ kind: "risk" as const, key: r.id, label: r.id, source: r.source })),
    ...plan.agents.map((a) => ({ kind: "agent" as const, key: a.id, label: a.id, source: a.source })),
    ...plan.gates.map((g) => ({ kind: "gate" as const, key: g.id, label: `gate ${g.id}`, source: g.source })),
    ...plan.waves.map((w) => ({ kind: "wave" as const, key: `wave-${w.number}`, label: `wave ${w.number}`, source: w.source })),
    ...plan.decisions.map((d) => ({ kind: "decision" as const, key: adrKey(d), label: adrKey(d), source: d.source })),
    ...plan.sessions.map((s) => ({ kind: "session" as const, key: `${s.date}-${s.slug}`, label: `session ${s.date}-${s.slug}`, source: s.source })),
  ];
}

/** `ADR-3`, or the file name of an ADR without a number. */
function adrKey(d: { number?: number; id: string }): string {
  return d.number !== undefined ? `ADR-${d.number}` : d.id;
}

/** The record a candidate stands for, located in the parsed files by file and start offset. */
function target(files: readonly ParsedFile[], c: Candidate): RecordTarget | undefined {
  const file = files.find((f) => f.file === c.source.file);
  const index = file?.records.findIndex((r) => r.at.start.offset === c.source.at.start.offset) ?? -1;
  return file && index >= 0 ? { kind: c.kind, file: file.file, index, label: c.label } : undefined;
}

const KIND_WORDS: Record<string, RecordKind> = { workstream: "workstream", risk: "risk", agent: "agent", gate: "gate", wave: "wave", decision: "decision", adr: "decision", session: "session" };

/**
 * Finds the record a reference names: `TD2` (workstream), `R1` (risk), an agent or gate id, `ADR-3`, `3` or `0003`
 * (decision), `wave-2`, a session date `2025-10-16` (or `2025-10-16-slug` when a day has several), `project`;
 * `kind:id` (`gate:tests`) settles an id that several kinds share. Ids match without regard to case when nothing matches exactly.
 */
export function resolveRef(plan: Plan, files: readonly ParsedFile[], ref: string): RecordTarget | RefProblem {
  const all = candidates(plan);
  const trimmed = ref.trim();
  const typed = /^([a-z]+)[:/](.+)$/is.exec(trimmed);
  // Own keys only: `constructor:x` must not find Object.prototype.constructor.
  const kind = typed && Object.hasOwn(KIND_WORDS, typed[1]!.toLowerCase()) ? KIND_WORDS[typed[1]!.toLowerCase()] : undefined;
  const wanted = kind ? typed![2]!.trim() : trimmed;
  let pool = kind ? all.filter((c) => c.kind === kind) : all;

  const adr = /^(?:adr[-_ ]?)?#?0*(\d+)$/i.exec(wanted);
  const wave = /^wave[-_ ]?(\d+)$/i.exec(wanted);
  const date = /^\d{4}-\d{2}-\d{2}/.exec(wanted);
  let matches: Candidate[];
  if (wave && (!kind || kind === "wave")) matches = pool.filter((c) => c.kind === "wave" && c.key === `wave-${Number(wave[1])}`);
  else if (adr && (!kind || kind === "decision") && pool.some((c) => c.kind === "decision")) matches = pool.filter((c) => c.kind === "decision" && c.key === `ADR-${Number(adr[1])}`);
  else if (date && (!kind || kind === "session")) matches = pool.filter((c) => c.kind === "session" && (c.key === wanted || c.key.startsWith(`${wanted}-`) || c.key === `${wanted}-`));
  else {
    pool = pool.filter((c) => c.kind !== "wave" && c.kind !== "session" && (c.kind !== "decision" || !c.key.startsWith("ADR-")));
    matches = pool.filter((c) => c.key === wanted);
    if (matches.length === 0) matches = pool.filter((c) => c.key.toLowerCase() === wanted.toLowerCase());
  }
  if (matches.length === 1) {
    const found = target(files, matches[0]!);
    return found ?? { message: `${matches[0]!.label} is not written in a plan file that can be edited` };
  }
  if (matches.length > 1) {
    return {
      message: `\`${ref}\` names ${matches.length} records: ${matches.map((m) => m.label).join(", ")}`,
      hint: date ? `Add the slug: ${matches.map((m) => m.key).join(", ")}.` : `Say which with kind:id, e.g. ${matches[0]!.kind}:${wanted}.`,
    };
  }
  const keys = all.filter((c) => c.kind !== "project").map((c) => c.key);
  const guess =
    suggest(wanted, keys) ??
    suggest(
      wanted.toLowerCase(),
      keys.map((k) => k.toLowerCase()),
    );
  return {
    message: `no record \`${ref}\` in the plan`,
    hint: guess ? `Did you mean \`${guess}\`?` : "Name a workstream or risk id (TD2, R1), an ADR (ADR-3), an agent or gate id, wave-N, a session date, or project.",
  };
}

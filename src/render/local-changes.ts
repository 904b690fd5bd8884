import type { Plan } from "../model/types.js";

/**
 * The fields of each kind of record that only documents listing the record's file among what they read show (see
 * `Job.reads`): a record's own prompt, page or log, and the few documents that quote it and say so. A change to these
 * fields alone re-renders only those documents. Every other field (ids, names, titles, references, durations, what
 * the schedule reads) may show anywhere, so a change to it re-renders everything whose view changed.
 * `tests/render/local-changes.test.ts` edits each of these fields and compares with a full rendering.
 */
export const LOCAL_FIELDS: { readonly [K in keyof Plan]: readonly string[] } = {
  project: ["summary", "context", "goals", "successMetrics", "extras"],
  agents: ["name", "role", "workingAgreements", "extras"],
  workstreams: ["goal", "context", "deliverables", "qualityGates", "outOfScope", "notes", "extras"],
  waves: ["name", "mergeProcedure", "rollback", "extras"],
  gates: [],
  risks: ["title", "severity", "likelihood", "status", "owner", "impact", "mitigation", "contingency", "currentStatus", "extras"],
  decisions: ["context", "decision", "rationale", "consequences", "alternatives", "otherFields", "sections", "extras", "deciders", "consulted", "informed", "tags"],
  sessions: ["duration", "type", "status", "summary", "whatChanged", "nextPriorities", "lessonsLearned", "nextSessionPreparation", "statistics", "snapshot", "extras"],
};

/** Beyond this many changed files, comparing records costs more than rendering everything anew. */
const MAX_CHANGED_FILES = 16;

type AnyRecord = { source: { file: string } };

const kinds = Object.keys(LOCAL_FIELDS) as (keyof Plan)[];

function recordsOf(plan: Plan, kind: keyof Plan): readonly AnyRecord[] {
  const value = plan[kind];
  return Array.isArray(value) ? value : [value];
}

/** Where things are written (`at`, `statusAt`, `dayAt`): positions, which no document shows. */
const POSITION = /^(?:at|[a-z]\w*At)$/;

/** A record as text without its local fields and without positions (an edit above a field moves it, nothing shows where). */
function shared(record: AnyRecord, local: ReadonlySet<string>): string {
  return JSON.stringify(record, function (this: unknown, key: string, value: unknown) {
    if (this === record && local.has(key)) return undefined;
    return POSITION.test(key) ? undefined : value;
  });
}

/** Whether two records of a kind differ at most in their local fields (and positions): no document but their own shows the difference. */
export function sameBesidesLocal(kind: keyof Plan, before: object, after: object): boolean {
  const local = new Set(LOCAL_FIELDS[kind]);
  return shared(before as AnyRecord, local) === shared(after as AnyRecord, local);
}

/**
 * The files whose records differ between two builds of a plan, when every difference lies in local fields; undefined
 * when some other field changed, a record came or went, or too many files changed to be worth comparing. Records are
 * compared by identity first: a build that reuses unchanged records (a `RecordMemo`) keeps them the same objects.
 */
export function localChanges(before: Plan, after: Plan): Set<string> | undefined {
  const changed = new Set<string>();
  for (const kind of kinds) {
    const old = new Set(recordsOf(before, kind));
    const now = new Set(recordsOf(after, kind));
    for (const record of now) if (!old.has(record)) changed.add(record.source.file);
    for (const record of old) if (!now.has(record)) changed.add(record.source.file);
    if (changed.size > MAX_CHANGED_FILES) return undefined;
  }
  for (const kind of kinds) {
    const local = new Set(LOCAL_FIELDS[kind]);
    const inChanged = (plan: Plan) => recordsOf(plan, kind).filter((r) => changed.has(r.source.file));
    const old = inChanged(before);
    const now = inChanged(after);
    if (old.length !== now.length) return undefined;
    for (let i = 0; i < old.length; i++) if (old[i]!.source.file !== now[i]!.source.file || shared(old[i]!, local) !== shared(now[i]!, local)) return undefined;
  }
  return changed;
}

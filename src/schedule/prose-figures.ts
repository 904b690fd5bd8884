/**
 * Sentences in a record's prose that state a schedule figure (a start or merge day, the makespan,
 * the speed-up, the peak, the waves' merge days) which the computed schedule contradicts. The
 * schedule never reads prose, so such a sentence silently goes stale when the plan changes.
 *
 * Conservative on purpose: only the phrasings below are read, a figure that agrees with either end
 * of the durations (or lies between them) is fine, ranges of days (`day 1-2`) are skipped, and a
 * number in any other sentence is never taken as a schedule figure.
 */
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import type { ProseAt } from "../model/prose-at.js";
import type { Plan, Project, Workstream } from "../model/types.js";
import type { PlanSchedule, ScheduleVariant } from "./types.js";

/** A piece of prose: one text field, or one entry of a list field, with where it starts. */
interface Piece {
  text: string;
  place: ProseAt;
}

/** A figure the schedule gives, at the lower and the upper end of the durations. */
interface Computed {
  low: number;
  high: number;
}

/** One stated figure found in a piece of prose. */
interface Claim {
  /** Where in the piece's text the phrase is. */
  index: number;
  length: number;
  /** What the sentence says, quoted in the message. */
  phrase: string;
  /** What the schedule says instead, or null when it agrees. */
  contradiction: string | null;
}

// `day 4`, `the afternoon of day 2`; never `day 1-2` (a range is not one figure).
const DAY = String.raw`(?:the\s+(?:morning|afternoon|end)\s+of\s+)?day\s+(\d+)(?!\d|\s*[-–]\s*\d)`;
const START = new RegExp(String.raw`\b(?:launch(?:es|ed)?|starts?|started|begins?|began)\s+on\s+${DAY}`, "gi");
// The words between the verb and the day stay inside one clause: not across a parenthesis.
const MERGE = new RegExp(String.raw`\bmerge[sd]?\b([^.;!?()]{0,60}?)\bon\s+${DAY}`, "gi");
const MAKESPAN = [/\bin\s+(\d+)\s+working\s+days\b/gi, /\b(\d+)\s+(?:working\s+)?days\s+instead\s+of\b/gi];
const BY_DAY = /\bby\s+(?:the\s+end\s+of\s+)?day\s+(\d+)(?!\d|\s*[-–]\s*\d)/gi;
// "by day N" is read as the end of the plan only in a sentence about everything being finished
// that names no workstream (`TD2 merged by day 2` is about TD2).
const WHOLE_PLAN = /\b(?:all|every|everything|whole|finish(?:es|ed)?|done|complete[sd]?|merged|release[sd]?)\b/i;
const SPEED_UP = [/\b(\d+(?:\.\d+)?)\s*(?:×|x)\s*(?:speed-?\s?up|faster)\b/gi, /\bspeed-?\s?up\s+of\s+(\d+(?:\.\d+)?)\s*(?:×|x)?/gi];
const NUMBER = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const PEAK = [new RegExp(String.raw`\ball\s+${NUMBER}\s+sessions\b`, "gi"), new RegExp(String.raw`\b${NUMBER}\s+parallel\s+sessions\b`, "gi")];
const WAVE_DAYS = /\bwaves?\s+(?:merg\w*\s+)?on\s+days\s+(\d+(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d+)+)/gi;
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** `prose-contradicts-schedule` warnings for every workstream's and the project's prose. */
export function proseContradictions(plan: Plan, schedule: PlanSchedule): Diagnostic[] {
  const ids = new Set(plan.workstreams.map((ws) => ws.id));
  const context: Context = { schedule, ids, waveOf: waveMembership(schedule.withWaves.high) };
  return [
    ...plan.workstreams.flatMap((ws) => piecesOf(ws, WORKSTREAM_PROSE).flatMap((p) => report(p, [...dayClaims(p.text, context, ws.id), ...planClaims(p.text, context, false)]))),
    ...piecesOf(plan.project, PROJECT_PROSE).flatMap((p) => report(p, [...dayClaims(p.text, context, null), ...planClaims(p.text, context, true)])),
  ];
}

interface Context {
  schedule: PlanSchedule;
  ids: ReadonlySet<string>;
  waveOf: ReadonlyMap<string, number>;
}

const WORKSTREAM_PROSE: [string, (ws: Workstream) => string | string[]][] = [
  ["goal", (ws) => ws.goal],
  ["context", (ws) => ws.context],
  ["notes", (ws) => ws.notes],
  ["deliverables", (ws) => ws.deliverables],
  ["out_of_scope", (ws) => ws.outOfScope],
];
const PROJECT_PROSE: [string, (p: Project) => string | string[]][] = [
  ["summary", (p) => p.summary],
  ["context", (p) => p.context],
  ["goals", (p) => p.goals],
  ["success_metrics", (p) => p.successMetrics],
];

/** The prose of a record, each piece with its position (the record's start, not exact, when the model has none). */
function piecesOf<T extends { proseAt?: Record<string, ProseAt[]>; source: { at: Location } }>(record: T, fields: [string, (r: T) => string | string[]][]): Piece[] {
  return fields.flatMap(([name, read]) => {
    const value = read(record);
    const texts = typeof value === "string" ? [value] : value;
    return texts.map((text, i) => ({ text, place: record.proseAt?.[name]?.[i] ?? { at: record.source.at, exact: false, indent: 0 } }));
  });
}

function report(piece: Piece, found: Claim[]): Diagnostic[] {
  // Two phrasings of one figure can overlap ("in 7 working days instead of"): one warning is enough.
  const claims = [...found].sort((a, b) => a.index - b.index).filter((c, i, all) => i === 0 || c.index >= all[i - 1]!.index + all[i - 1]!.length || c.contradiction !== all[i - 1]!.contradiction);
  return claims.flatMap((c) =>
    c.contradiction === null
      ? []
      : [
          diagnostic(
            "warning",
            "prose-contradicts-schedule",
            locate(piece, c.index, c.length),
            `the text says \`${c.phrase}\`, but ${c.contradiction}`,
            "Write the computed figure, or change the plan until the schedule gives the figure you mean: paraplan never reads figures from prose.",
          ),
        ],
  );
}

/** Where a stretch of a piece's text is in its file: exact when the piece's start is, else the field. */
function locate(piece: Piece, index: number, length: number): Location {
  const { at, exact, indent } = piece.place;
  if (!exact) return at;
  const point = (i: number) => {
    const before = piece.text.slice(0, i);
    const lines = before.split("\n");
    const k = lines.length - 1;
    // A list item's continuation lines lost their indentation under the bullet; add it back.
    const column = k === 0 ? at.start.column + i : indent + lines[k]!.length + 1;
    const offset = at.start.offset === undefined ? undefined : at.start.offset + i + k * indent;
    return offset === undefined ? { line: at.start.line + k, column } : { line: at.start.line + k, column, offset };
  };
  return { file: at.file, start: point(index), end: point(index + length) };
}

/** "TD3 launches on day 4", "merges in Wave 3 on day 5": about the ids before the verb, else the record's own workstream. */
function dayClaims(text: string, context: Context, self: string | null): Claim[] {
  const claims: Claim[] = [];
  const variant = context.schedule.withWaves;
  for (const m of text.matchAll(START)) {
    for (const id of subjects(text, m.index, context.ids, self)) {
      const computed = timingOf(variant, id, "start");
      if (computed) claims.push(claim(m, within(Number(m[1]), computed) ? null : `the schedule starts ${id} on ${dayPhrase(computed)}`));
    }
  }
  for (const m of text.matchAll(MERGE)) {
    const said = Number(m[2]);
    const named = /\bwave\s+(\d+)/i.exec(m[1] ?? "") ?? /\bwave\s+(\d+)\s*$/i.exec(text.slice(clauseStart(text, m.index), m.index));
    const waves = named ? [Number(named[1])] : subjects(text, m.index, context.ids, self).flatMap((id) => (context.waveOf.has(id) ? [context.waveOf.get(id)!] : []));
    for (const wave of new Set(waves)) {
      const computed = mergeDayOf(variant, wave);
      if (computed) claims.push(claim(m, within(said, computed) ? null : `the schedule merges wave ${wave} on ${dayPhrase(computed)}`));
    }
  }
  return claims;
}

/** The makespan, speed-up, peak and waves' merge days as the prose states them. */
function planClaims(text: string, context: Context, project: boolean): Claim[] {
  const { schedule } = context;
  const makespan = { low: schedule.withWaves.low.makespan, high: schedule.withWaves.high.makespan };
  const claims: Claim[] = [];
  if (project) {
    for (const re of MAKESPAN) {
      for (const m of text.matchAll(re)) claims.push(claim(m, within(Number(m[1]), makespan) ? null : `the schedule with waves takes ${count(makespan, "day")}`));
    }
    for (const m of text.matchAll(BY_DAY)) {
      const sentence = text.slice(clauseStart(text, m.index), m.index);
      // Finishing by a later day than the plan ends is true; only an earlier one contradicts it.
      if (WHOLE_PLAN.test(sentence) && !namesWorkstream(sentence, context.ids))
        claims.push(claim(m, Number(m[1]) >= Math.min(makespan.low, makespan.high) ? null : `the schedule with waves ends on ${dayPhrase(makespan)}`));
    }
    const speed = schedule.speedUp.withWaves;
    for (const re of SPEED_UP) {
      for (const m of text.matchAll(re))
        claims.push(
          claim(
            m,
            speedAgrees(m[1]!, speed)
              ? null
              : `the schedule's speed-up with waves is ${speed.low === speed.high ? `${speed.high}×` : `${Math.min(speed.low, speed.high)}–${Math.max(speed.low, speed.high)}×`}`,
          ),
        );
    }
  }
  const peak = { low: schedule.withWaves.low.peak.count, high: schedule.withWaves.high.peak.count };
  for (const re of PEAK) {
    for (const m of text.matchAll(re)) claims.push(claim(m, within(numberOf(m[1]!), peak) ? null : `at most ${count(peak, "session")} run at once in the schedule with waves`));
  }
  for (const m of text.matchAll(WAVE_DAYS)) {
    const said = (m[1]!.match(/\d+/g) ?? []).map(Number);
    const high = schedule.withWaves.high.waves.map((w) => w.mergeDay);
    const low = schedule.withWaves.low.waves.map((w) => w.mergeDay);
    const agrees = [high, low].some(
      (d) =>
        same(said, d) ||
        same(
          said,
          [...new Set(d)].sort((a, b) => a - b),
        ),
    );
    claims.push(claim(m, agrees ? null : `the waves merge on days ${high.join(", ")}${same(high, low) ? "" : ` (${low.join(", ")} at the lower end of durations)`}`));
  }
  return claims;
}

function claim(m: RegExpMatchArray, contradiction: string | null): Claim {
  return { index: m.index!, length: m[0].length, phrase: m[0].replace(/\s+/g, " "), contradiction };
}

/** The start of the clause holding `index`: after the last `.`, `;`, `!`, `?`, parenthesis or blank line before it. */
function clauseStart(text: string, index: number): number {
  const before = text.slice(0, index);
  let start = 0;
  for (const m of before.matchAll(/[.;!?](?=\s)|[()]|\n\s*\n/g)) start = m.index + m[0].length;
  return start;
}

/**
 * The workstream ids named in the clause before a verb, else the record's own workstream. A
 * possessive (`TD2's Config`) is not a subject, and neither is an id that a later `it` or `this
 * workstream` takes over from ("needs TD2's Config, so it launches on day 2").
 */
function subjects(text: string, index: number, ids: ReadonlySet<string>, self: string | null): string[] {
  const clause = text.slice(clauseStart(text, index), index);
  const named = [...clause.matchAll(/[A-Za-z][\w.-]*(?!['’]s\b)\b(?!['’])/g)].filter((m) => ids.has(m[0]));
  const lastPronoun = Math.max(-1, ...[...clause.matchAll(/\b(?:it|this workstream)\b/gi)].map((m) => m.index));
  if (named.length > 0 && named.at(-1)!.index > lastPronoun) return [...new Set(named.map((m) => m[0]))];
  return self === null ? [] : [self];
}

function namesWorkstream(text: string, ids: ReadonlySet<string>): boolean {
  return [...text.matchAll(/[A-Za-z][\w.-]*/g)].some((m) => ids.has(m[0]));
}

function timingOf(variant: PlanSchedule["withWaves"], id: string, what: "start"): Computed | null {
  const low = variant.low.workstreams.find((t) => t.id === id);
  const high = variant.high.workstreams.find((t) => t.id === id);
  return low && high ? { low: low[what], high: high[what] } : null;
}

function mergeDayOf(variant: PlanSchedule["withWaves"], wave: number): Computed | null {
  const low = variant.low.waves.find((w) => w.number === wave);
  const high = variant.high.waves.find((w) => w.number === wave);
  return low && high ? { low: low.mergeDay, high: high.mergeDay } : null;
}

function waveMembership(variant: ScheduleVariant): Map<string, number> {
  return new Map(variant.waves.flatMap((w) => w.workstreams.map((id) => [id, w.number] as const)));
}

/** Agrees with either end of the durations, or lies between them. */
function within(value: number, computed: Computed): boolean {
  return value >= Math.min(computed.low, computed.high) && value <= Math.max(computed.low, computed.high);
}

/** A speed-up agrees when it is the range (or one of its ends) rounded to as many decimals as it is written with. */
function speedAgrees(written: string, speed: Computed): boolean {
  const decimals = written.split(".")[1]?.length ?? 0;
  const round = (v: number) => Number(v.toFixed(decimals));
  return within(Number(written), { low: round(Math.min(speed.low, speed.high)), high: round(Math.max(speed.low, speed.high)) });
}

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : WORDS.indexOf(word.toLowerCase());
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function dayPhrase(c: Computed): string {
  return c.low === c.high ? `day ${c.high}` : `day ${Math.min(c.low, c.high)} or ${Math.max(c.low, c.high)} (lower or upper end of the durations)`;
}

function count(c: Computed, unit: string): string {
  const lo = Math.min(c.low, c.high);
  const hi = Math.max(c.low, c.high);
  return lo === hi ? `${hi} ${unit}${hi === 1 ? "" : "s"}` : `${lo}–${hi} ${unit}s`;
}

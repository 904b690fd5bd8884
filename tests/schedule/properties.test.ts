/**
 * Properties of the schedule over random acyclic plans: a random DAG (a workstream may only
 * depend on one generated before it), durations with fractions and ranges, optional start
 * days, and waves consistent with the dependencies (a waved workstream is never in an
 * earlier wave than what it needs), written in the workstream, in the wave, or both.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/types.js";
import { computeSchedule } from "../../src/schedule/index.js";
import type { PlanSchedule, ScheduleVariant } from "../../src/schedule/types.js";
import { makePlan, type PlanSpec, type WaveSpec, type WorkstreamSpec } from "./make-plan.js";

const SEED = 20251016;
const RUNS = 150;

/** Ids deliberately not in generation order, so id order and dependency order differ. */
const IDS = ["TD2", "TD10", "WS1", "A", "B9", "B10", "x", "TD1", "Z"];
const FILES = ["src/a.ts", "src/b.ts", "src/*.ts", "docs/**", "docs/x.md", "lib/"];

interface GenWorkstream {
  depMask: number;
  depMask2: number;
  softMask: number;
  low: number;
  extra: number;
  start: number | undefined;
  /** 0 (one time in eight): no wave merges it. */
  unwavedDraw: number;
  waveBump: number;
  placement: "field" | "list" | "both";
  owns: string[];
  touches: string[];
}

interface GenPlan {
  workstreams: GenWorkstream[];
  planned: (number | undefined)[];
  maxParallel: number | undefined;
  rules: boolean;
}

const genWorkstream: fc.Arbitrary<GenWorkstream> = fc.record({
  depMask: fc.nat({ max: 511 }),
  depMask2: fc.nat({ max: 511 }),
  softMask: fc.nat({ max: 511 }),
  low: fc.constantFrom(0.5, 1, 1, 1.5, 2, 3, 4),
  extra: fc.constantFrom(0, 0, 0, 0.5, 1, 2),
  start: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 4 }),
  unwavedDraw: fc.nat({ max: 7 }),
  waveBump: fc.integer({ min: 0, max: 2 }),
  placement: fc.constantFrom("field", "list", "both"),
  owns: fc.subarray(FILES, { maxLength: 2 }),
  touches: fc.subarray(FILES, { maxLength: 2 }),
});

const genPlan: fc.Arbitrary<GenPlan> = fc.record({
  workstreams: fc.array(genWorkstream, { minLength: 1, maxLength: IDS.length }),
  planned: fc.array(fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }), { minLength: 32, maxLength: 32 }),
  maxParallel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  rules: fc.boolean(),
});

/** The lower-index workstreams selected by a bit mask. */
function fromMask(mask: number, i: number): number[] {
  return Array.from({ length: i }, (_, j) => j).filter((j) => (mask >> j) & 1);
}

/** A plan spec from a generated plan, plus each workstream's wave (null when none) and dependencies. */
function toSpec(gen: GenPlan): { spec: PlanSpec; wave: (number | null)[]; deps: number[][] } {
  const n = gen.workstreams.length;
  const wave: (number | null)[] = [];
  const effective: number[] = []; // the latest wave needed, through unwaved workstreams
  const deps: number[][] = [];
  const specs: WorkstreamSpec[] = gen.workstreams.map((g, i) => {
    const d = fromMask(g.depMask & g.depMask2, i);
    deps.push(d);
    const needed = Math.max(0, ...d.map((j) => effective[j]!));
    wave.push(g.unwavedDraw === 0 ? null : Math.max(1, needed) + g.waveBump);
    effective.push(wave[i] ?? needed);
    const spec: WorkstreamSpec = {
      id: IDS[i]!,
      days: g.extra === 0 ? g.low : [g.low, g.low + g.extra],
      deps: d.map((j) => IDS[j]!),
      soft: fromMask(g.softMask & ~g.depMask, i).map((j) => IDS[j]!),
      owns: g.owns,
      touches: g.touches,
    };
    if (g.start !== undefined) spec.start = g.start;
    if (wave[i] !== null && g.placement !== "list") spec.wave = wave[i]!;
    return spec;
  });
  const numbers = [...new Set(wave.filter((w): w is number => w !== null))].sort((a, b) => a - b);
  const waves: WaveSpec[] = numbers.map((number) => {
    const listed = specs.filter((_, i) => wave[i] === number && gen.workstreams[i]!.placement !== "field").map((s) => s.id);
    const w: WaveSpec = { number, workstreams: listed };
    const day = gen.planned[number];
    if (day !== undefined) w.day = day;
    return w;
  });
  const spec: PlanSpec = {
    workstreams: specs,
    waves,
    rules: gen.rules
      ? [
          ["src/*.ts", "merge both"],
          ["docs/**", "docs win"],
        ]
      : [],
  };
  if (gen.maxParallel !== undefined) spec.maxParallel = gen.maxParallel;
  return { spec: spec, wave, deps: deps.slice(0, n) };
}

type End = "low" | "high";

function variants(s: PlanSchedule): { v: ScheduleVariant; waves: boolean; end: End }[] {
  return [
    { v: s.withWaves.high, waves: true, end: "high" },
    { v: s.withWaves.low, waves: true, end: "low" },
    { v: s.dependenciesOnly.high, waves: false, end: "high" },
    { v: s.dependenciesOnly.low, waves: false, end: "low" },
  ];
}

/** One end of workstream i's duration as specified. */
function daysOf(spec: PlanSpec, i: number, end: End): number {
  const days = spec.workstreams[i]!.days!;
  if (Array.isArray(days)) return end === "low" ? days[0] : days[1];
  return Number(days);
}

/** Whole days a duration occupies (the rule of durations.ts, restated). */
function span(days: number): number {
  return Math.max(1, Math.ceil(days));
}

/** Deterministic Fisher–Yates shuffle driven by a small LCG. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const options = { seed: SEED, numRuns: RUNS };

describe("schedule properties", () => {
  it("respects every hard dependency in both schedules, through the wave merges", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const { spec, wave, deps } = toSpec(gen);
        const { schedule } = computeSchedule(makePlan(spec));
        for (const { v, waves, end } of variants(schedule)) {
          const timing = new Map(v.workstreams.map((w) => [w.id, w]));
          const merge = new Map(v.waves.map((w) => [w.number, w.mergeDay]));
          deps.forEach((targets, i) => {
            const u = timing.get(IDS[i]!)!;
            expect(u.finish - u.start + 1).toBe(span(daysOf(spec, i, end)));
            expect(u.start).toBeGreaterThanOrEqual(spec.workstreams[i]!.start ?? 1);
            for (const j of targets) {
              const d = timing.get(IDS[j]!)!;
              expect(u.start).toBeGreaterThan(d.finish);
              const wu = wave[i];
              const wd = wave[j];
              if (waves && wu != null && wd != null && wd < wu) expect(u.start).toBeGreaterThan(merge.get(wd)!);
            }
          });
          for (const w of v.waves) {
            for (const id of w.workstreams) expect(w.mergeDay).toBeGreaterThanOrEqual(timing.get(id)!.finish);
            if (w.plannedDay !== null) expect(w.mergeDay).toBeGreaterThanOrEqual(w.plannedDay);
          }
        }
      }),
      options,
    );
  });

  it("makes the makespan on dependencies alone the longest path, and critical paths add up to it", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const { spec, deps } = toSpec(gen);
        const { schedule } = computeSchedule(makePlan(spec));
        for (const [end, v] of [
          ["low", schedule.dependenciesOnly.low],
          ["high", schedule.dependenciesOnly.high],
        ] as const) {
          // Longest path, in generation order (a topological order): earliest finish of each.
          const finish: number[] = [];
          deps.forEach((targets, i) => {
            finish.push(Math.max((spec.workstreams[i]!.start ?? 1) - 1, ...targets.map((j) => finish[j]!)) + span(daysOf(spec, i, end)));
          });
          expect(v.makespan).toBe(Math.max(0, ...finish));
          const timing = new Map(v.workstreams.map((w) => [w.id, w]));
          for (const path of v.criticalPaths) {
            const first = timing.get(path[0]!)!;
            const length = path.reduce((sum, id) => sum + timing.get(id)!.finish - timing.get(id)!.start + 1, 0);
            expect(first.start - 1 + length).toBe(v.makespan);
            expect(timing.get(path[path.length - 1]!)!.finish).toBe(v.makespan);
            path.slice(1).forEach((id, k) => {
              const dependent = spec.workstreams.find((w) => w.id === id)!;
              expect(dependent.deps).toContain(path[k]);
            });
          }
        }
      }),
      options,
    );
  });

  it("gives zero slack exactly to the workstreams on critical paths", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const { schedule } = computeSchedule(makePlan(toSpec(gen).spec));
        for (const { v } of variants(schedule)) {
          for (const w of v.workstreams) {
            expect(w.slack).toBeGreaterThanOrEqual(0);
            expect(w.critical).toBe(w.slack === 0);
          }
          for (const w of v.waves) expect(w.critical).toBe(w.slack === 0);
          // Along a path each workstream starts right after the previous one finishes, or
          // right after a critical merge that waits for it.
          const timing = new Map(v.workstreams.map((w) => [w.id, w]));
          for (const path of v.criticalPaths) {
            path.slice(1).forEach((id, k) => {
              const a = timing.get(path[k]!)!;
              const ready = timing.get(id)!.start - 1;
              expect(ready === a.finish || v.waves.some((w) => w.critical && w.mergeDay === ready && ready >= a.finish)).toBe(true);
            });
          }
          if (v.criticalPathsTruncated) continue;
          const onPaths = new Set(v.criticalPaths.flat());
          expect([...onPaths].sort()).toEqual(
            v.workstreams
              .filter((w) => w.critical)
              .map((w) => w.id)
              .sort(),
          );
        }
      }),
      options,
    );
  });

  // Slack, checked by its meaning: holding a workstream back by its slack (with a later
  // `start`) leaves the makespan alone; one day more delays the plan by exactly one day.
  it("gives each workstream exactly the slack it can absorb", () => {
    fc.assert(
      fc.property(genPlan, fc.nat(), (gen, pick) => {
        const { spec } = toSpec(gen);
        const { schedule } = computeSchedule(makePlan(spec));
        const i = pick % spec.workstreams.length;
        for (const { v, waves, end } of variants(schedule)) {
          const t = v.workstreams.find((w) => w.id === IDS[i])!;
          const makespanWithStart = (start: number): number => {
            const changed = structuredClone(spec);
            changed.workstreams[i]!.start = start;
            const s = computeSchedule(makePlan(changed)).schedule;
            return (waves ? s.withWaves : s.dependenciesOnly)[end].makespan;
          };
          expect(makespanWithStart(t.start + t.slack)).toBe(v.makespan);
          expect(makespanWithStart(t.start + t.slack + 1)).toBe(v.makespan + 1);
        }
      }),
      { ...options, numRuns: 100 },
    );
  });

  it("never makes the schedule with waves shorter than the one on dependencies alone", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const { schedule, diagnostics } = computeSchedule(makePlan(toSpec(gen).spec));
        // Random files may be owned twice; nothing else in a generated plan is an error.
        expect(diagnostics.filter((d) => d.severity === "error" && d.code !== "duplicate-owner")).toEqual([]);
        for (const end of ["low", "high"] as const) {
          const w = schedule.withWaves[end];
          const d = schedule.dependenciesOnly[end];
          expect(w.makespan).toBeGreaterThanOrEqual(d.makespan);
          w.workstreams.forEach((t, i) => expect(t.finish).toBeGreaterThanOrEqual(d.workstreams[i]!.finish));
          expect(schedule.waveCost.days[end]).toBe(w.makespan - d.makespan);
        }
        expect(schedule.withWaves.low.makespan).toBeLessThanOrEqual(schedule.withWaves.high.makespan);
      }),
      options,
    );
  });

  it("never shortens the makespan when an edge, a planned day or a start day is added", () => {
    const change = fc.record({ kind: fc.constantFrom("edge", "planned", "start"), a: fc.nat(), b: fc.nat(), by: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(genPlan, change, (gen, c) => {
        const { spec } = toSpec(gen);
        const before = computeSchedule(makePlan(spec)).schedule;
        const changed = structuredClone(spec);
        const n = spec.workstreams.length;
        if (c.kind === "edge" && n >= 2) {
          const i = 1 + (c.a % (n - 1));
          const j = c.b % i;
          changed.workstreams[i]!.deps = [...new Set([...(changed.workstreams[i]!.deps ?? []), IDS[j]!])];
        } else if (c.kind === "planned" && changed.waves!.length > 0) {
          const w = changed.waves![c.a % changed.waves!.length]!;
          w.day = (w.day ?? 0) + c.by;
        } else {
          const w = changed.workstreams[c.a % n]!;
          w.start = (w.start ?? 1) + c.by;
        }
        const after = computeSchedule(makePlan(changed));
        const wavesStillValid = !after.diagnostics.some((d) => d.code === "wave-order");
        for (const end of ["low", "high"] as const) {
          expect(after.schedule.dependenciesOnly[end].makespan).toBeGreaterThanOrEqual(before.dependenciesOnly[end].makespan);
          if (wavesStillValid) expect(after.schedule.withWaves[end].makespan).toBeGreaterThanOrEqual(before.withWaves[end].makespan);
        }
      }),
      options,
    );
  });

  it("always reports an injected cycle, every injected edge in a listed cycle, and still schedules", () => {
    const cycle = fc.record({ picks: fc.uniqueArray(fc.nat({ max: IDS.length - 1 }), { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(genPlan, cycle, (gen, { picks }) => {
        const { spec } = toSpec(gen);
        const nodes = [...new Set(picks.map((p) => p % spec.workstreams.length))].sort((a, b) => a - b);
        // nodes[1] depends on nodes[0], …, and nodes[0] on the last: a cycle through all of them.
        const injected = nodes.map((u, k) => [nodes[(k + 1) % nodes.length]!, u] as const);
        for (const [from, to] of injected) {
          const ws = spec.workstreams[from]!;
          ws.deps = [...new Set([...(ws.deps ?? []), IDS[to]!])];
        }
        const { schedule, diagnostics } = computeSchedule(makePlan(spec));
        expect(schedule.withWaves.high.workstreams).toHaveLength(spec.workstreams.length);
        if (nodes.length === 1) {
          expect(diagnostics.some((d) => d.code === "self-dependency" && d.message === `${IDS[nodes[0]!]!} depends on itself`)).toBe(true);
          return;
        }
        const cycles = diagnostics.filter((d) => d.code === "dependency-cycle");
        expect(cycles.length).toBeGreaterThan(0);
        expect(cycles.every((d) => d.severity === "error" && d.hint !== undefined && d.file.startsWith("plan/workstreams/"))).toBe(true);
        const listed = new Set(cycles.flatMap((d) => d.related!.map((r) => r.message)));
        for (const [from, to] of injected) expect(listed).toContain(`${IDS[from]!} depends on ${IDS[to]!}`);
        expect(schedule.brokenEdges.length).toBeGreaterThan(0);
      }),
      options,
    );
  });

  it("gives the same result and diagnostics whatever the order of the records", () => {
    fc.assert(
      fc.property(genPlan, fc.nat(), (gen, seed) => {
        const plan = makePlan(toSpec(gen).spec);
        const permuted: Plan = { ...plan, workstreams: shuffle(plan.workstreams, seed), waves: shuffle(plan.waves, seed + 1) };
        const result = computeSchedule(plan);
        expect(computeSchedule(permuted)).toEqual(result);
        expect(result.diagnostics.every((d) => d.hint !== undefined && d.file.startsWith("plan/") && d.start.line >= 1)).toBe(true);
      }),
      options,
    );
  });
});

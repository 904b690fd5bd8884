/**
 * The documents of random plans never contradict the schedule or themselves: every start is on or
 * before its finish at each end of the durations; each prompt states the schedule's own days, the
 * base the execution model's rule gives (restated here from docs/execution-model.md, not read from
 * the model), and never names one of its own files as someone else's; the execution plan's table
 * and its "What can start now" list agree with the schedule and the statuses.
 *
 * Plans: a random DAG of 2–7 workstreams with ranged durations, waves never earlier than what a
 * workstream needs, some workstreams merged in parts by earlier waves, and every status, some with
 * recorded days.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../src/io/load-templates.js";
import type { Workstream } from "../../src/model/types.js";
import { createRenderer, type Renderer } from "../../src/render/renderer.js";
import { renderDocuments } from "../../src/render/render-documents.js";
import { promptPath } from "../../src/model/output-paths.js";
import { computeSchedule } from "../../src/schedule/index.js";
import type { PlanSchedule } from "../../src/schedule/types.js";
import { REPO } from "../helpers/run-cli.js";
import { makePlan, type PlanSpec, type WaveSpec, type WorkstreamSpec } from "../schedule/make-plan.js";

const IDS = ["A", "B", "C", "D", "E", "F", "G"];
const FILES = ["src/a.ts", "src/b.ts", "src/*.ts", "docs/x.md", "docs/**"];
const STATUSES: Workstream["status"][] = ["planned", "in progress", "blocked", "done", "merged"];

const genWorkstream = fc.record({
  depMask: fc.nat({ max: 127 }),
  low: fc.integer({ min: 1, max: 3 }),
  extra: fc.constantFrom(0, 0, 1, 2),
  waveBump: fc.integer({ min: 0, max: 1 }),
  partMask: fc.nat({ max: 7 }),
  status: fc.constantFrom(...STATUSES),
  recorded: fc.boolean(),
  owns: fc.subarray(FILES, { maxLength: 2 }),
  touches: fc.subarray(FILES, { maxLength: 2 }),
});
const genPlan = fc.record({ workstreams: fc.array(genWorkstream, { minLength: 2, maxLength: IDS.length }), rules: fc.boolean() });

type Gen = typeof genPlan extends fc.Arbitrary<infer T> ? T : never;

/** A consistent plan spec: waves never earlier than what a workstream needs; parts in earlier waves only. */
function toSpec(gen: Gen): PlanSpec {
  const wave: number[] = [];
  const workstreams = gen.workstreams.map((g, i): WorkstreamSpec => {
    const deps = IDS.slice(0, i).filter((_, j) => (g.depMask >> j) & 1);
    wave.push(Math.max(1, ...deps.map((d) => wave[IDS.indexOf(d)]!)) + g.waveBump);
    const parts = [1, 2, 3].filter((n) => n < wave[i]! && (g.partMask >> (n - 1)) & 1);
    const spec: WorkstreamSpec = { id: IDS[i]!, days: g.extra === 0 ? g.low : [g.low, g.low + g.extra], deps, owns: g.owns, touches: g.touches, status: g.status };
    if (parts.length > 0) spec.waves = [...parts, wave[i]!];
    else spec.wave = wave[i]!;
    if (g.recorded && g.status !== "planned" && g.status !== "blocked") spec.started = 1;
    if (g.recorded && (g.status === "done" || g.status === "merged")) spec.finished = 1 + g.low;
    return spec;
  });
  const numbers = [...new Set(workstreams.flatMap((w) => w.waves ?? [w.wave!]))].sort((a, b) => a - b);
  const waves: WaveSpec[] = numbers.map((number) => ({ number }));
  return {
    workstreams,
    waves,
    rules: gen.rules
      ? [
          ["src/*.ts", "A's version wins"],
          ["docs/**", "merge both"],
        ]
      : [],
  };
}

/** Text with every run of white space made one space: documents are laid out at 80 columns. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** The prompt's schedule line, restated from the timings alone. */
function expectedDays(s: PlanSchedule, id: string): string {
  const at = (end: "low" | "high") => s.withWaves[end].workstreams.find((t) => t.id === id)!;
  const pair = (t: { start: number; finish: number }) => (t.start === t.finish ? `day ${t.start} only` : `day ${t.start} to day ${t.finish}`);
  const low = pair(at("low"));
  const high = pair(at("high"));
  return low === high ? high : `${low} if every duration takes its lower end; ${high} at its upper end`;
}

/** The base of a worktree by the rule of docs/execution-model.md, restated. */
function expectedBase(spec: PlanSpec, s: PlanSchedule, id: string): string {
  const ws = spec.workstreams.find((w) => w.id === id)!;
  const lastWave = (w: WorkstreamSpec) => (w.waves ? w.waves.at(-1)! : w.wave!);
  const own = lastWave(ws);
  const deps = (ws.deps ?? []).map((d) => spec.workstreams.find((w) => w.id === d)!);
  const same = deps.filter((d) => lastWave(d) >= own);
  if (same.length > 0) {
    const finish = (d: WorkstreamSpec) => s.withWaves.high.workstreams.find((t) => t.id === d.id)!.finish;
    const latest = [...same].sort((a, b) => finish(b) - finish(a) || (`workstream/${a.id.toLowerCase()}` < `workstream/${b.id.toLowerCase()}` ? -1 : 1))[0]!;
    return `workstream/${latest.id.toLowerCase()}`;
  }
  if (deps.length > 0) return `integration/wave${Math.max(...deps.map(lastWave))}`;
  return "main";
}

describe("documents that tell the truth", () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = createRenderer(await loadTemplates(undefined, REPO));
  });

  it("state the schedule's days, the execution model's base, and never send an owner to ask about its own files", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const spec = toSpec(gen);
        const plan = makePlan(spec);
        const { schedule } = computeSchedule(plan);
        const { files } = renderDocuments(plan, schedule, renderer);
        const byPath = new Map(files.map((f) => [f.path, flat(f.content)]));
        for (const end of ["low", "high"] as const) {
          for (const t of schedule.withWaves[end].workstreams) expect(t.start).toBeLessThanOrEqual(t.finish);
        }
        for (const ws of plan.workstreams) {
          const prompt = byPath.get(promptPath(ws))!;
          expect(prompt).toContain(`- Schedule: ${expectedDays(schedule, ws.id)} - Slack:`);
          expect(prompt).toContain(`git worktree add -b ${ws.branch} ${ws.worktree} ${expectedBase(spec, schedule, ws.id)}`);
          expect(prompt).toContain(`- Status: ${ws.status} `);
          // Its own files are never someone else's, and it is never told to agree with itself.
          for (const own of ws.owns) expect(prompt).not.toMatch(new RegExp(`\\| \`${escape(own.pattern)}\` \\| [A-G] \\|`));
          expect(prompt).not.toContain(`agree with ${ws.id} before merging`);
          expect(prompt).not.toContain("ask the project manager before editing");
        }
        const doc = byPath.get("PARALLEL_EXECUTION_PLAN.md")!;
        for (const ws of plan.workstreams) {
          const low = schedule.withWaves.low.workstreams.find((t) => t.id === ws.id)!;
          const high = schedule.withWaves.high.workstreams.find((t) => t.id === ws.id)!;
          const span = `${low.start}–${low.finish}` === `${high.start}–${high.finish}` ? `${high.start}–${high.finish}` : `${low.start}–${low.finish} or ${high.start}–${high.finish}`;
          expect(doc).toMatch(new RegExp(`\\| \\[${ws.id}\\]\\([^)]*\\) \\| [^|]* \\| [^|]* \\| [^|]* \\| [^|]* \\| ${escape(ws.status)} \\| [^|]* \\| ${span} \\|`));
        }
        const canStart = plan.workstreams.filter((ws) => ws.status === "planned" && ws.dependsOn.every((d) => readyFor(plan.workstreams, ws, d.id))).map((ws) => ws.id);
        expect(schedule.execution.canStartNow).toEqual(canStart);
        for (const id of canStart) expect(doc).toContain(`- [${id}: ${id}]`);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});

/** A dependency is ready when merged, or done when the dependant builds on its branch (same wave or later). */
function readyFor(all: readonly Workstream[], ws: Workstream, depId: string): boolean {
  const dep = all.find((w) => w.id === depId)!;
  const last = (w: Workstream) => (w.waves ? w.waves.at(-1)! : w.wave!);
  return dep.status === "merged" || (dep.status === "done" && last(dep) >= last(ws));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

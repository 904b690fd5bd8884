import { planPagePath } from "../../model/output-paths.js";
import type { Wave } from "../../model/types.js";
import type { RenderContext } from "./render-context.js";

/**
 * Beyond this many workstreams the execution plan keeps its summary and moves what grows with the workstreams into
 * pages of at most this many workstreams each. 200 keeps each table to a few hundred rows, a page to some 250 KB,
 * and a page's dependency graph within what Mermaid draws by default (500 edges, 50,000 characters of text);
 * plans this large are rare, so every plan below it renders as one document, as it always has.
 */
export const PLAN_PAGES_ABOVE = 200;

/** One page of a split execution plan: part of one wave's workstreams (or of those no wave merges). */
export interface PlanPage {
  path: string;
  /** The wave whose workstreams the page holds; undefined for the workstreams no wave merges. */
  wave: Wave | undefined;
  /** 1 for the wave's first page, which also holds the wave's merge commands. */
  part: number;
  parts: number;
  /** The page's workstreams, in plan order: each workstream is on the page of the wave that merges (the rest of) it. */
  workstreams: string[];
}

/** The pages of the execution plan: none when the plan is small enough for one document. */
export function planPages(ctx: RenderContext): PlanPage[] {
  const { plan } = ctx;
  const size = ctx.schedule.planPagesAbove ?? PLAN_PAGES_ABOVE;
  if (plan.workstreams.length <= size) return [];
  const groups = new Map<number | null, { wave: Wave | undefined; ids: string[] }>();
  // Every wave has a page, an empty one included: its merge commands are there.
  for (const wave of plan.waves) if (!groups.has(wave.number)) groups.set(wave.number, { wave, ids: [] });
  for (const ws of plan.workstreams) {
    const wave = ctx.waveOf.get(ws.id);
    const key = wave ? wave.number : null;
    if (!groups.has(key)) groups.set(key, { wave, ids: [] });
    groups.get(key)!.ids.push(ws.id);
  }
  return [...groups].flatMap(([number, { wave, ids }]) => {
    const parts = Math.max(1, Math.ceil(ids.length / size));
    return Array.from({ length: parts }, (_, k) => ({ path: planPagePath(number, k + 1), wave, part: k + 1, parts, workstreams: ids.slice(k * size, (k + 1) * size) }));
  });
}

/**
 * The plan files a page shows records of, as a prompt's sources are: the project, the waves and gates, its
 * workstreams and their agents, and the workstreams its tables and graph name beside them (dependencies, sharers of
 * a file). Like a prompt, a page also shows schedule figures that every workstream moves; its view says when they
 * changed. Not every file of the plan: a plan of 10,000 workstreams has some 250 pages.
 */
export function pageSources(ctx: RenderContext, page: PlanPage): string[] {
  const { plan } = ctx;
  const named = page.workstreams.flatMap((id) => {
    const ws = ctx.workstream.get(id)!;
    const others = [...ws.dependsOn, ...ws.softDependsOn].map((d) => d.id);
    const sharers = (ctx.conflictsOf.get(id) ?? []).flatMap((c) => c.sides.map((s) => s.workstream));
    const agent = ws.agent ? ctx.agent.get(ws.agent.id) : undefined;
    return [ws.source.file, ...(agent ? [agent.source.file] : []), ...[...others, ...sharers].flatMap((other) => ctx.workstream.get(other)?.source.file ?? [])];
  });
  return [plan.project.source.file, ...plan.waves.map((w) => w.source.file), ...plan.gates.map((g) => g.source.file), ...named];
}

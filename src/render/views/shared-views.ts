import { sh } from "./shell-command.js";
import type { ExtraSection, Wave, Workstream } from "../../model/types.js";
import type { RenderContext } from "./render-context.js";
import type { WaveExecution } from "../../schedule/types.js";
import { plural } from "../../diagnostics/plural.js";
import { gatesOfWave } from "../../model/wave-gates.js";

/** An extra section as templates show it: a heading at the right depth (none for a preamble) and its verbatim body. */
export interface ExtraView {
  heading: string | null;
  body: string;
}

/** Extra sections with headings at `level` (`##` = 2). */
export function extrasView(extras: readonly ExtraSection[], level: number): ExtraView[] {
  const hashes = "#".repeat(Math.min(6, Math.max(1, level)));
  return extras.filter((e) => e.body.trim() !== "" || e.heading !== "").map((e) => ({ heading: e.heading === "" ? null : `${hashes} ${e.heading}`, body: e.body }));
}

/** The quality gates of a wave: those it names and those whose `applies_to` includes it. */
export function gateRows(ctx: RenderContext, wave: Wave) {
  // The wave's own order first, then the gates that apply to it through `applies_to`, by id.
  return gatesOfWave(ctx.plan.gates, wave).map((g) => ({
    id: g.id,
    name: g.name,
    command: g.command,
    threshold: g.id.includes("coverage") && wave.coverage !== undefined ? `≥ ${wave.coverage}% (${g.threshold ?? "wave coverage"})` : (g.threshold ?? "passes"),
  }));
}

/**
 * The commands that merge a wave, as the execution model runs it: create its integration branch from the previous one, merge each workstream (and each part), run its gates, and only then, for the last wave, merge into the base branch.
 * With `focus` (a prompt's workstream), a wave of more than MAX_MERGES_SHOWN merges shows the few around that
 * workstream's and counts the others in comments: a prompt shows where its branch is merged, and stays the same size
 * however many workstreams its wave merges (the execution plan shows every command).
 */
export function mergeCommands(ctx: RenderContext, wave: Wave, focus?: string): string {
  const { project } = ctx.plan;
  const exec = ctx.waveExecution.get(wave.number);
  if (!exec) return "";
  const lines = project.repository === "." ? [] : [sh`cd ${project.repository}`];
  lines.push(sh`git checkout -b ${exec.branch} ${exec.from}`);
  const { order, at } = mergeOrder(ctx, exec);
  const k = focus === undefined ? undefined : at.get(focus);
  const [first, last] = k === undefined || order.length <= MAX_MERGES_SHOWN ? [0, order.length] : [Math.max(0, k - MERGES_AROUND), Math.min(order.length, k + MERGES_AROUND + 1)];
  if (first > 0) lines.push(`# … ${plural(first, "earlier merge")} (the execution plan lists them)`);
  for (const ws of order.slice(first, last)) lines.push(sh`git merge --no-ff ${ws.branch}`);
  if (last < order.length) lines.push(`# … ${plural(order.length - last, "later merge")} (the execution plan lists them)`);
  for (const gate of gateRows(ctx, wave)) lines.push(gate.command);
  if (exec.into !== null) lines.push(sh`git checkout ${exec.into}`, sh`git merge --no-ff ${exec.branch}`);
  return lines.join("\n");
}

/** A prompt shows every merge of a wave up to this many, else its own and MERGES_AROUND on each side. */
const MAX_MERGES_SHOWN = 12;
const MERGES_AROUND = 2;

// Every prompt of a wave asks for its merges: sorted once per render and wave, not once per prompt.
const mergeOrders = new WeakMap<RenderContext, Map<number, MergeOrder>>();

/** A wave's merges in plan order, and each workstream's place in it. */
interface MergeOrder {
  order: Workstream[];
  at: Map<string, number>;
}

/** The workstreams a wave merges (in full and in parts), in plan order, and each one's place in that order. */
function mergeOrder(ctx: RenderContext, exec: WaveExecution): MergeOrder {
  let byWave = mergeOrders.get(ctx);
  if (!byWave) mergeOrders.set(ctx, (byWave = new Map<number, MergeOrder>()));
  let found = byWave.get(exec.number);
  if (!found) {
    const order = [...exec.workstreams, ...exec.parts].sort((a, b) => (ctx.position.get(a) ?? 0) - (ctx.position.get(b) ?? 0)).flatMap((id) => ctx.workstream.get(id) ?? []);
    found = { order, at: new Map(order.map((ws, i) => [ws.id, i])) };
    byWave.set(exec.number, found);
  }
  return found;
}

/** The columns every workstream table starts with: the execution plan's and a session's snapshot alike. */
export function workstreamColumns(ws: Workstream) {
  return { id: ws.id, name: ws.name, agent: ws.agent?.id ?? "—", days: ws.days.text, priority: ws.priority, status: ws.status };
}

import { sh } from "./shell-command.js";
import type { ExtraSection, Wave, Workstream } from "../../model/types.js";
import type { RenderContext } from "./render-context.js";
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

/** The commands that merge a wave, as the execution model runs it: create its integration branch from the previous one, merge each workstream (and each part), run its gates, and only then, for the last wave, merge into the base branch. */
export function mergeCommands(ctx: RenderContext, wave: Wave): string {
  const { project } = ctx.plan;
  const exec = ctx.waveExecution.get(wave.number);
  if (!exec) return "";
  const lines = project.repository === "." ? [] : [sh`cd ${project.repository}`];
  lines.push(sh`git checkout -b ${exec.branch} ${exec.from}`);
  for (const id of [...exec.workstreams, ...exec.parts].sort((a, b) => (ctx.position.get(a) ?? 0) - (ctx.position.get(b) ?? 0))) {
    const ws = ctx.workstream.get(id);
    if (ws) lines.push(sh`git merge --no-ff ${ws.branch}`);
  }
  for (const gate of gateRows(ctx, wave)) lines.push(gate.command);
  if (exec.into !== null) lines.push(sh`git checkout ${exec.into}`, sh`git merge --no-ff ${exec.branch}`);
  return lines.join("\n");
}

/** The columns every workstream table starts with: the execution plan's and a session's snapshot alike. */
export function workstreamColumns(ws: Workstream) {
  return { id: ws.id, name: ws.name, agent: ws.agent?.id ?? "—", days: ws.days.text, priority: ws.priority, status: ws.status };
}

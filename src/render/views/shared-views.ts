import { sh } from "./shell-command.js";
import type { ExtraSection, Wave } from "../../model/types.js";
import type { RenderContext } from "./render-context.js";

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
  const named = wave.gates.map((g) => g.id);
  // The wave's own order first, then the gates that apply to it through `applies_to`, by id.
  const order = (id: string) => (named.includes(id) ? named.indexOf(id) : named.length);
  return ctx.plan.gates
    .filter((g) => named.includes(g.id) || g.appliesTo === "all" || g.appliesTo.includes(wave.number))
    .sort((a, b) => order(a.id) - order(b.id))
    .map((g) => ({
      id: g.id,
      name: g.name,
      command: g.command,
      threshold: g.id.includes("coverage") && wave.coverage !== undefined ? `≥ ${wave.coverage}% (${g.threshold ?? "wave coverage"})` : (g.threshold ?? "passes"),
    }));
}

/** The commands that merge a wave: create or check out its branch, merge each workstream, run its gates. */
export function mergeCommands(ctx: RenderContext, wave: Wave): string {
  const { project } = ctx.plan;
  const previous = ctx.plan.waves.filter((w) => w.number < wave.number && w.branch).at(-1);
  const branch = wave.branch ?? `integration/wave${wave.number}`;
  const from = previous?.branch ?? project.baseBranch;
  const lines = project.repository === "." ? [] : [sh`cd ${project.repository}`];
  lines.push(branch === project.baseBranch ? sh`git checkout ${branch}` : sh`git checkout -b ${branch} ${from}`);
  if (branch === project.baseBranch && from !== branch) lines.push(sh`git merge ${from} --no-ff`);
  for (const ref of wave.workstreams) {
    const ws = ctx.workstream.get(ref.id);
    if (ws) lines.push(sh`git merge ${ws.branch} --no-ff`);
  }
  for (const gate of gateRows(ctx, wave)) lines.push(gate.command);
  return lines.join("\n");
}

import type { Workstream } from "../../model/types.js";
import { dayLabel } from "./figures.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { mergeCommands } from "./shared-views.js";
import { AGENT_COMMAND, quote, sh } from "./shell-command.js";
import { PLAN_DOCUMENT } from "../output-paths.js";

/**
 * What a workstream's worktree branches from. Interim rule until the execution model (#14) gives it: the base commit
 * (or branch) with no hard dependency; a hard dependency merged by the same wave: that dependency's branch (the one
 * finishing last); otherwise the integration branch of the latest wave that merges a dependency.
 */
export function worktreeBase(ctx: RenderContext, ws: Workstream): string {
  const { project } = ctx.plan;
  const deps = ws.dependsOn.flatMap((r) => ctx.workstream.get(r.id) ?? []);
  if (deps.length === 0) return project.baseCommit ?? project.baseBranch;
  const wave = ctx.waveOf.get(ws.id);
  const finish = (id: string) => ctx.timing.get(id)?.finish ?? 0;
  const sameWave = deps.filter((d) => wave !== undefined && ctx.waveOf.get(d.id) === wave).sort((a, b) => finish(a.id) - finish(b.id));
  if (sameWave.length > 0) return sameWave.at(-1)!.branch;
  const merged = deps.flatMap((d) => ctx.waveOf.get(d.id) ?? []).sort((a, b) => a.number - b.number).at(-1);
  if (!merged) return project.baseCommit ?? project.baseBranch;
  return merged.branch ?? `integration/wave${merged.number}`;
}

/** The command that creates a workstream's worktree on its branch, from its base: the one place the runbook says how. */
export function worktreeCommand(ctx: RenderContext, ws: Workstream): string {
  return sh`git worktree add ${ws.worktree} -b ${ws.branch} ${worktreeBase(ctx, ws)}`;
}

/**
 * The runbook of the execution plan: for each day something starts or merges, what the project manager does. In the
 * morning, create the worktrees of the workstreams starting that day and start a session in each (with the prompt to
 * paste); during the day, read each active worktree's `progress.md`; in the evening, merge the waves due, gates first.
 */
export function runbookView(ctx: RenderContext) {
  const { plan, schedule } = ctx;
  const start = plan.project.startDate;
  const repo = plan.project.repository === "." ? [] : [sh`cd ${plan.project.repository}`];
  const wavesByNumber = new Map(plan.waves.map((w) => [w.number, w]));
  return schedule.withWaves.high.days
    .filter((d) => d.starting.length > 0 || d.merging.length > 0)
    .map((d) => {
      const starting = d.starting.flatMap((id) => ctx.workstream.get(id) ?? []);
      const active = d.active.flatMap((id) => ctx.workstream.get(id) ?? []);
      return {
        title: `Day ${dayLabel(start, d.day).slice("day ".length)}`,
        create: starting.length > 0 ? [...repo, ...starting.map((ws) => worktreeCommand(ctx, ws))].join("\n") : null,
        launches: starting.map((ws) => ({
          id: ws.id,
          name: ws.name,
          command: `${sh`cd ${ws.worktree}`} && ${AGENT_COMMAND}`,
          prompt: linkFrom(PLAN_DOCUMENT, ctx.promptPath.get(ws.id)!),
        })),
        check: active.length > 0 ? [...repo, `for wt in ${quote(active.map((ws) => ws.worktree))}; do echo "== $wt"; head -n 20 "$wt/progress.md" 2>/dev/null || echo "(no progress.md yet)"; done`].join("\n") : null,
        checking: active.map((ws) => ws.id).join(", "),
        merges: d.merging.flatMap((n) => {
          const wave = wavesByNumber.get(n);
          return wave ? [{ number: n, name: wave.name, workstreams: wave.workstreams.map((r) => r.id).join(", "), commands: mergeCommands(ctx, wave) }] : [];
        }),
      };
    });
}

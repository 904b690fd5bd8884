import type { Workstream } from "../../model/types.js";
import { dayLabel } from "./figures.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { mergeCommands } from "./shared-views.js";
import { agentCommand, quote, sh } from "./shell-command.js";
import { PLAN_DOCUMENT } from "../../model/output-paths.js";

/**
 * The commands that create a workstream's worktree: from its base as the execution model gives it (the project's base,
 * an earlier wave's integration branch, or a same-wave dependency's branch), then the other branches it needs merged in.
 */
export function worktreeCommands(ctx: RenderContext, ws: Workstream): string[] {
  const exec = ctx.execution.get(ws.id);
  if (!exec) return [];
  return [sh`git worktree add -b ${ws.branch} ${ws.worktree} ${exec.base.ref}`, ...exec.mergeIn.map((m) => sh`git -C ${ws.worktree} merge --no-ff ${m.ref}`)];
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
        create: starting.length > 0 ? [...repo, ...starting.flatMap((ws) => worktreeCommands(ctx, ws))].join("\n") : null,
        launches: starting.map((ws) => ({
          id: ws.id,
          name: ws.name,
          command: `${sh`cd ${ws.worktree}`} && ${agentCommand(ctx.plan.project)}`,
          prompt: linkFrom(PLAN_DOCUMENT, ctx.promptPath.get(ws.id)!),
        })),
        check:
          active.length > 0
            ? [...repo, `for wt in ${quote(active.map((ws) => ws.worktree))}; do echo "== $wt"; head -n 20 "$wt/progress.md" 2>/dev/null || echo "(no progress.md yet)"; done`].join("\n")
            : null,
        checking: active.map((ws) => ws.id).join(", "),
        merges: d.merging.flatMap((n) => {
          const wave = wavesByNumber.get(n);
          return wave ? [{ number: n, name: wave.name, workstreams: wave.workstreams.map((r) => r.id).join(", "), commands: mergeCommands(ctx, wave) }] : [];
        }),
      };
    });
}

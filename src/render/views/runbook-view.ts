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

/** The days a workstream works on. */
function spanOf(timing: { start: number; finish: number } | undefined): number[] {
  return timing ? Array.from({ length: Math.max(0, timing.finish - timing.start + 1) }, (_, k) => timing.start + k) : [];
}

/** The part of the runbook a page of a split execution plan shows: its workstreams, the waves it merges, its links. */
export interface RunbookPart {
  path: string;
  workstreams: ReadonlySet<string>;
  merges: ReadonlySet<number>;
}

/**
 * The runbook of the execution plan (or of one of its pages): for each day something starts or merges, what the project manager does. In the
 * morning, create the worktrees of the workstreams starting that day and start a session in each (with the prompt to
 * paste); during the day, read each active worktree's `progress.md`; in the evening, merge the waves due, gates first.
 */
export function runbookView(ctx: RenderContext, page?: RunbookPart) {
  const { plan, schedule } = ctx;
  const start = plan.project.startDate;
  const repo = plan.project.repository === "." ? [] : [sh`cd ${plan.project.repository}`];
  const wavesByNumber = new Map(plan.waves.map((w) => [w.number, w]));
  const from = page?.path ?? PLAN_DOCUMENT;
  const mine = (id: string) => !page || page.workstreams.has(id);
  const merged = (n: number) => !page || page.merges.has(n);
  // A page's days: those its workstreams work on and its waves merge on (a large plan has many days, a page few).
  const pageDays = page ? new Set([...page.workstreams].flatMap((id) => spanOf(ctx.timing.get(id))).concat([...page.merges].flatMap((n) => ctx.waveTiming.get(n)?.mergeDay ?? []))) : undefined;
  return schedule.withWaves.high.days
    .filter((d) => (!pageDays || pageDays.has(d.day)) && (d.starting.some(mine) || d.merging.some(merged)))
    .map((d) => {
      const starting = d.starting.filter(mine).flatMap((id) => ctx.workstream.get(id) ?? []);
      const active = d.active.filter(mine).flatMap((id) => ctx.workstream.get(id) ?? []);
      return {
        title: `Day ${dayLabel(start, d.day).slice("day ".length)}`,
        create: starting.length > 0 ? [...repo, ...starting.flatMap((ws) => worktreeCommands(ctx, ws))].join("\n") : null,
        launches: starting.map((ws) => ({
          id: ws.id,
          name: ws.name,
          command: `${sh`cd ${ws.worktree}`} && ${agentCommand(ctx.plan.project)}`,
          prompt: linkFrom(from, ctx.promptPath.get(ws.id)!),
        })),
        check:
          active.length > 0
            ? [...repo, `for wt in ${quote(active.map((ws) => ws.worktree))}; do echo "== $wt"; head -n 20 "$wt/progress.md" 2>/dev/null || echo "(no progress.md yet)"; done`].join("\n")
            : null,
        checking: active.map((ws) => ws.id).join(", "),
        merges: d.merging.filter(merged).flatMap((n) => {
          const wave = wavesByNumber.get(n);
          return wave ? [{ number: n, name: wave.name, workstreams: wave.workstreams.map((r) => r.id).join(", "), commands: mergeCommands(ctx, wave) }] : [];
        }),
      };
    });
}

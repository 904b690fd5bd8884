import type { Plan } from "../model/types.js";
import type { PlanSchedule } from "../schedule/types.js";
import { criticalPathText } from "../render/views/critical-path-text.js";
import { range } from "../render/views/figures.js";
import { WORKSTREAM_STATUSES } from "../schema/record-kinds.js";

/** The plan at a glance for an agent: figures, waves, critical path, what can start now (what `paraplan schedule` leads with). */
export function overviewText(plan: Plan, schedule: PlanSchedule): string {
  const w = schedule.withWaves.high;
  const lines = [`# ${plan.project.name}: plan overview`, ""];
  lines.push(
    `- Workstreams: ${plan.workstreams.length} (${statusCounts(plan)})`,
    `- Makespan with waves: ${range({ low: schedule.withWaves.low.makespan, high: w.makespan })} working days; on dependencies alone ${range({ low: schedule.dependenciesOnly.low.makespan, high: schedule.dependenciesOnly.high.makespan })}`,
    `- Sequential total: ${range(schedule.sequentialTotal)} days; speed-up ${range(schedule.speedUp.withWaves)}×`,
    `- Critical path: ${w.criticalPaths.map((p) => criticalPathText(plan, p)).join("; ") || "none"}`,
    `- Peak concurrency: ${w.peak.count}`,
    `- Can start now: ${schedule.execution.canStartNow.join(", ") || "nothing"}`,
    "",
  );
  if (schedule.execution.waves.length > 0) {
    lines.push("## Waves", "");
    for (const wave of schedule.execution.waves) {
      const name = plan.waves.find((v) => v.number === wave.number)?.name;
      const merges = range(wave.mergeDay);
      lines.push(
        `- Wave ${wave.number}${name ? ` (${name})` : ""}: merges ${wave.workstreams.join(", ") || "nothing"} into \`${wave.branch}\` at the end of day ${merges}${wave.merged ? "; merged" : ""}`,
      );
    }
    lines.push("");
  }
  lines.push("## Workstreams", "");
  const exec = new Map(schedule.execution.workstreams.map((e) => [e.id, e]));
  for (const ws of plan.workstreams) {
    const e = exec.get(ws.id);
    const waits = e && e.waitsFor.length > 0 ? `; waits for ${e.waitsFor.join(", ")}` : "";
    lines.push(`- ${ws.id} ${ws.name}: ${ws.status}, ${ws.days.text} days, branch \`${ws.branch}\`${e ? `, days ${range(e.start)}–${range(e.finish)}` : ""}${waits}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `2 planned, 1 in progress`: how many workstreams have each status, in the order work goes through them. */
function statusCounts(plan: Plan): string {
  const counts = WORKSTREAM_STATUSES.map((status) => [status, plan.workstreams.filter((ws) => ws.status === status).length] as const);
  return (
    counts
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ") || "none"
  );
}

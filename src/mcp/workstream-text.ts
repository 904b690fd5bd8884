import type { Plan, Workstream } from "../model/types.js";
import { promptPath } from "../model/output-paths.js";
import type { PlanSchedule } from "../schedule/types.js";
import { range } from "../render/views/figures.js";

/** One workstream as an agent asks about it: its fields, where and when it runs, and its prompt's path. */
export function workstreamText(plan: Plan, schedule: PlanSchedule, ws: Workstream): string {
  const e = schedule.execution.workstreams.find((x) => x.id === ws.id);
  const t = schedule.withWaves.high.workstreams.find((x) => x.id === ws.id);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : "none");
  const lines = [
    `# ${ws.id}: ${ws.name}`,
    "",
    `- Status: ${ws.status}`,
    `- Agent: ${ws.agent?.id ?? "none"}`,
    `- Days: ${ws.days.text}; priority ${ws.priority}`,
    `- Depends on: ${list(ws.dependsOn.map((d) => d.id))}${ws.softDependsOn.length > 0 ? `; softly on ${list(ws.softDependsOn.map((d) => d.id))}` : ""}`,
    `- Depended on by: ${list(plan.workstreams.filter((o) => o.dependsOn.some((d) => d.id === ws.id)).map((o) => o.id))}`,
    `- Branch: \`${ws.branch}\`; worktree \`${ws.worktree}\``,
  ];
  if (e) {
    lines.push(`- Runs: days ${range(e.start)}–${range(e.finish)}; branches from \`${e.base.ref}\`${e.wave !== null ? `; wave ${e.wave} merges it into \`${e.into ?? "?"}\`` : "; no wave merges it"}`);
    if (e.waitsFor.length > 0) lines.push(`- Waits for: ${e.waitsFor.join(", ")}`);
    if (e.canStartNow) lines.push("- Can start now: yes");
  }
  if (t) lines.push(`- Slack: ${t.slack} ${t.slack === 1 ? "day" : "days"}${t.critical ? " (on the critical path)" : ""}`);
  lines.push(
    `- Owns: ${list(ws.owns.map((f) => f.pattern))}`,
    `- Touches: ${list(ws.touches.map((f) => f.pattern))}`,
    `- Prompt: ${promptPath(ws)} in the output folder (the my_workstream tool gives its text)`,
    `- Record: ${ws.source.file}`,
    "",
  );
  const section = (title: string, body: string | readonly string[]) => {
    const text = typeof body === "string" ? body.trim() : body.map((item) => `- ${item}`).join("\n");
    if (text !== "") lines.push(`## ${title}`, "", text, "");
  };
  section("Goal", ws.goal);
  section("Deliverables", ws.deliverables);
  section("Quality gates", ws.qualityGates);
  section("Out of scope", ws.outOfScope);
  return `${lines.join("\n").trimEnd()}\n`;
}

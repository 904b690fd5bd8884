import type { Plan, Workstream } from "../model/types.js";
import type { PlanSchedule } from "../schedule/types.js";
import { promptView } from "../render/views/prompt-view.js";
import { renderContext } from "../render/views/render-context.js";

/**
 * What each dependency of a workstream delivers and whether it is merged, in the words of its prompt (the prompt's
 * view decides availability, so the tool and the prompt never disagree), with every deliverable rather than the first few.
 */
export function dependenciesText(plan: Plan, schedule: PlanSchedule, ws: Workstream): string {
  const view = promptView(renderContext(plan, schedule), ws);
  const byId = new Map(plan.workstreams.map((w) => [w.id, w]));
  const lines = [`# What ${ws.id} depends on`, ""];
  const entry = (kind: string) => (dep: (typeof view.dependsOn)[number]) => {
    lines.push(`## ${dep.id}: ${dep.name} (${kind})`, "", `- Status: ${dep.status}; merged: ${dep.status === "merged" ? "yes" : "no"}`, `- Availability: ${dep.availability}`);
    const delivers = byId.get(dep.id)?.deliverables ?? [];
    lines.push(delivers.length > 0 ? "- Delivers:" : "- Delivers: nothing listed", ...delivers.map((d) => `  - ${d.replace(/\n/g, "\n    ")}`), "");
  };
  view.dependsOn.forEach(entry("hard dependency"));
  view.softDependsOn.forEach(entry("soft dependency"));
  if (view.dependsOn.length + view.softDependsOn.length === 0) lines.push(`${ws.id} depends on no other workstream.`, "");
  if (view.dependents.length > 0) lines.push(`Depended on by: ${view.dependents.map((d) => `${d.id} (${d.name})`).join(", ")}`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

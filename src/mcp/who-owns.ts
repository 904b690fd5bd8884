import type { Plan } from "../model/types.js";
import { normalizePattern, patternsMayOverlap, patternsSurelyOverlap, ruleCovers } from "../schedule/file-patterns.js";
import type { PlanSchedule } from "../schedule/types.js";

/** One workstream's claim on a path: the entry that names it, and whether it surely or only possibly names the same file. */
interface Claim {
  workstream: string;
  kind: "owns" | "touches";
  pattern: string;
  sure: boolean;
}

/**
 * Who owns a path, who else touches it, and the resolution rule that decides a conflict on it, by the same pattern
 * matching as the schedule's conflict check (file-patterns.ts): a glob entry claims the paths it matches.
 */
export function whoOwnsText(plan: Plan, schedule: PlanSchedule, path: string): string {
  const file = normalizePattern(path);
  const claims: Claim[] = [];
  for (const ws of plan.workstreams) {
    for (const [kind, refs] of [
      ["owns", ws.owns],
      ["touches", ws.touches],
    ] as const) {
      for (const ref of refs) {
        const entry = normalizePattern(ref.pattern);
        if (entry === "") continue;
        if (patternsSurelyOverlap(entry, file)) claims.push({ workstream: ws.id, kind, pattern: ref.pattern, sure: true });
        else if (patternsMayOverlap(entry, file)) claims.push({ workstream: ws.id, kind, pattern: ref.pattern, sure: false });
      }
    }
  }
  const line = (c: Claim) => `- ${c.workstream} (\`${c.pattern}\`${c.sure ? "" : ", may overlap"})`;
  const owners = claims.filter((c) => c.kind === "owns");
  const touchers = claims.filter((c) => c.kind === "touches");
  const rule = plan.project.resolutionProtocol.find((r) => ruleCovers(r.file, file));
  const conflicts = schedule.conflicts.filter((c) => patternsSurelyOverlap(normalizePattern(c.file), file));
  const lines = [`# Who owns \`${path}\``, ""];
  lines.push(owners.length > 0 ? "Owned by:" : "Owned by: no workstream", ...owners.map(line), "");
  lines.push(touchers.length > 0 ? "Touched by:" : "Touched by: no workstream", ...touchers.map(line), "");
  lines.push(rule ? `Resolution rule (project \`resolution_protocol\`, \`${rule.file}\`): ${rule.rule}` : "Resolution rule: none in the project's `resolution_protocol` covers it", "");
  for (const c of conflicts) {
    const when = c.overlapping ? `active together on days ${c.days.high.join(", ")}` : "never active on the same day";
    lines.push(`Conflict: ${c.sides.map((s) => `${s.workstream} ${s.kind}`).join(" and ")} \`${c.file}\`; ${when}${c.rule ? `; rule: ${c.rule.rule}` : c.overlapping ? "; no rule covers it" : ""}`);
  }
  if (claims.length === 0) lines.push("No workstream names this path: whoever changes it should say so in the plan (`owns` or `touches`).");
  return `${lines.join("\n").trimEnd()}\n`;
}

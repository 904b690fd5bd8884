/** Each agent persona's load: the work given to it, in days, and its workstreams. */
import type { Workstream } from "../model/types.js";
import { compareIds } from "../model/compare-ids.js";
import { sumDurations } from "./durations.js";
import type { AgentLoad } from "./types.js";

/** Load per agent id, in id order; workstreams without an agent are left out. `workstreams` in id order. */
export function agentLoads(workstreams: readonly Workstream[]): AgentLoad[] {
  const byAgent = new Map<string, Workstream[]>();
  for (const ws of workstreams) {
    if (ws.agent === undefined) continue;
    const list = byAgent.get(ws.agent.id) ?? [];
    list.push(ws);
    byAgent.set(ws.agent.id, list);
  }
  return [...byAgent.keys()].sort(compareIds).map((agent) => {
    const list = byAgent.get(agent)!;
    return { agent, days: sumDurations(list.map((ws) => ws.days)), workstreams: list.map((ws) => ws.id) };
  });
}

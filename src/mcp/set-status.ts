import type { PlanSource } from "./plan-source.js";
import { ToolFailure } from "./tool-failure.js";

/** Writes a workstream's status through the plan's write-back code; the text says what changed. */
export function setWorkstreamStatus(_source: PlanSource, id: string, status: string): Promise<string> {
  return Promise.reject(new ToolFailure(`set_status is not available yet (${id} → ${status})`));
}

import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { ParaplanError } from "../diagnostics/errors.js";
import { formatText, summarize } from "../diagnostics/format.js";
import { loadProject, type PlanSource } from "../io/build.js";
import { fieldChange } from "../io/field-change.js";
import { errorsAfter, writePlanChange } from "../io/plan-writes.js";
import { readPlanForWrite } from "../io/write-record.js";
import { ToolFailure } from "./tool-failure.js";

/** Diagnostics and their count, for a tool's answer. */
const listed = (list: readonly Diagnostic[]) => `${formatText(list)}${summarize(list)}`;

/**
 * Writes a workstream's `status` as `paraplan set <ID> status <value>` does (the same io functions): only the value's
 * bytes change, a change that would give the plan errors is refused, and a file changed meanwhile is not written.
 */
export async function setWorkstreamStatus(source: PlanSource, id: string, status: string): Promise<string> {
  const snapshot = await readPlanForWrite(source.planDir, source.root, source.settings, { cache: source.cache });
  const change = await fieldChange(snapshot, id, { op: "set", field: "status", value: status });
  if (change.kind === "unknown") throw new ToolFailure(`${change.message}${change.hint ? ` ${change.hint}` : ""}`);
  if (change.kind === "refused") throw new ToolFailure(`nothing was written:\n${listed(change.diagnostics)}`);
  if (change.kind === "unchanged") return `${change.message}; nothing was written\n`;
  const added = errorsAfter(snapshot, change.writes);
  if (added.length > 0) throw new ToolFailure(`nothing was written: the change would give the plan errors:\n${listed(added)}`);
  try {
    await writePlanChange(snapshot, change.writes);
  } catch (error) {
    // A file saved meanwhile, another run's change: the error's own message and hint are what the agent needs.
    if (error instanceof ParaplanError) throw new ToolFailure(`${error.message}${error.hint ? `. ${error.hint}` : ""}`);
    throw error;
  }
  const lines = [...change.writes.map((w) => `updated ${w.file}`), ...change.summary.map((line) => `  ${line}`)];
  const { diagnostics } = await loadProject(source);
  if (hasErrors(diagnostics)) lines.push(`The plan has errors (${summarize(diagnostics)}); the validate tool lists them.`);
  return `${lines.join("\n")}\n`;
}

import { hasErrors } from "../../diagnostics/diagnostic.js";
import { loadProject } from "../../io/build.js";
import type { CommandContext } from "../context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/** The version of the export format; it changes when a field is removed or changes meaning. */
const EXPORT_SCHEMA_VERSION = 1;

/** `paraplan export --json`: the whole model, schedule included, for scripts. */
export async function exportJson(context: CommandContext): Promise<ExitCode> {
  const { plan, schedule, diagnostics } = await loadProject(context);
  context.stdout(`${JSON.stringify({ schemaVersion: EXPORT_SCHEMA_VERSION, plan, schedule, diagnostics }, null, 2)}\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarize, type DiagnosticFormat } from "../../diagnostics/format.js";
import { loadProject } from "../../io/build.js";
import type { CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/** `paraplan validate`: report every problem of the plan; exit 1 when there are errors. */
export async function validate(context: CommandContext, options: { format: DiagnosticFormat }): Promise<ExitCode> {
  const { diagnostics } = await loadProject(context);
  const output = printDiagnostics(context, diagnostics, options.format);
  context.stdout(output);
  if (options.format === "text" && !context.quiet) context.stderr(`${summarize(diagnostics)}\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

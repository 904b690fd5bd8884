import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarize, type DiagnosticFormat } from "../../diagnostics/format.js";
import { build } from "../../io/build.js";
import type { CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { printReport } from "../print-report.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { generateAgentFiles } from "../agent-files.js";

/** `paraplan generate`: render every document and write what changed to `out/`. */
export async function generate(context: CommandContext, options: { format: DiagnosticFormat; force: boolean }): Promise<ExitCode> {
  const { diagnostics, report, ms } = await build(context, { mode: "write", force: options.force });
  context.stderr(printDiagnostics(context, diagnostics, options.format));
  if (!report) {
    // out/ is all of one plan or left as it was: a partial out/ would pass for a complete one. An agent whose prompt
    // reads none of the records with errors can still be given it: `paraplan prompt` renders around them.
    context.stderr(`${summarize(diagnostics)}: nothing written.\n`);
    if (hasErrors(diagnostics)) context.stderr("  hint: `paraplan prompt <ID>` still prints a prompt that reads none of the records with errors.\n");
    return EXIT.invalid;
  }
  printReport(context, report, ms);
  const refusedAgentFiles = await generateAgentFiles(context, options);
  // Like `validate`, every command that validates ends with the count, so that ten warnings do not scroll by unsummed.
  if (options.format === "text" && !context.quiet) context.stderr(`${summarize(diagnostics)}\n`);
  return report.refused.length + refusedAgentFiles > 0 ? EXIT.invalid : EXIT.ok;
}

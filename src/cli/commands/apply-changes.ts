import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { summarize } from "../../diagnostics/format.js";
import { loadProject } from "../../io/build.js";
import type { PlanForWrite } from "../../io/write-record.js";
import type { PlannedWrite } from "../../io/field-change.js";
import { errorsAfter, writePlanChange } from "../../io/plan-writes.js";
import { introduced } from "../../writeback/revalidate.js";
import { unifiedDiff } from "../../writeback/unified-diff.js";
import { shownFile, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { plural } from "../../diagnostics/plural.js";

export type { PlannedWrite };

/** Options every writing command takes. */
export interface WriteOptions {
  dryRun: boolean;
  force: boolean;
}

/** Prints why a change was refused; an unknown field is a usage error (2), anything else an invalid change (1). */
export function reportRefusal(context: CommandContext, diagnostics: readonly Diagnostic[]): ExitCode {
  context.stderr(printDiagnostics(context, diagnostics));
  context.stderr("nothing was written\n");
  return diagnostics.some((d) => d.code === "write-unknown-field") ? EXIT.usage : EXIT.invalid;
}

/**
 * The common end of every writing command: checks the plan with the change in memory (a change that would add errors
 * is refused unless `force`), prints a diff for `--dry-run`, else writes (refusing when a file changed meanwhile),
 * then reads the plan again and prints its problems. Exit 1 when the plan has errors after the change.
 */
export async function applyChanges(context: CommandContext, snapshot: PlanForWrite, writes: readonly PlannedWrite[], summary: readonly string[], options: WriteOptions): Promise<ExitCode> {
  const added = errorsAfter(snapshot, writes);
  const blocked = added.length > 0 && !options.force;
  const errorWord = plural(added.length, "new error");

  if (options.dryRun) {
    for (const w of writes) context.stdout(unifiedDiff(shownFile(context, w.file), w.before?.text, w.text));
    if (added.length > 0) context.stderr(printDiagnostics(context, added));
    if (!context.quiet) for (const line of summary) context.stderr(`${line}\n`);
    context.stderr(`dry run: nothing was written${added.length > 0 ? `; the change would give the plan ${errorWord}` : ""}\n`);
    return blocked ? EXIT.invalid : EXIT.ok;
  }
  if (blocked) {
    context.stderr(printDiagnostics(context, added));
    throw new CliError(`nothing was written: the change would give the plan ${errorWord}`, EXIT.invalid, "Fix what it refers to first, or pass --force to write it anyway.");
  }

  // A file changed meanwhile, a file that exists, another run's change: each carries its exit code and hint.
  await writePlanChange(snapshot, writes);
  if (!context.quiet) {
    for (const w of writes) context.stdout(`${w.before ? "updated" : "created"} ${shownFile(context, w.file)}\n`);
    for (const line of summary) context.stdout(`  ${line}\n`);
  }
  // Every error is shown, but only the warnings the change brought: the others were there before and `validate` lists them.
  const { diagnostics } = await loadProject(context);
  const fresh = new Set(introduced(snapshot.diagnostics, diagnostics));
  const shown = diagnostics.filter((d) => d.severity === "error" || fresh.has(d));
  context.stdout(printDiagnostics(context, shown));
  const hidden = diagnostics.length - shown.length;
  if (!context.quiet) context.stderr(`${summarize(diagnostics)}${hidden > 0 ? ` (${hidden} from before the change: \`paraplan validate\` lists them)` : ""}\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

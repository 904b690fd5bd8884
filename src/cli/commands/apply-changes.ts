import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { summarize } from "../../diagnostics/format.js";
import { applyChange, type PlannedWrite } from "../../io/apply-change.js";
import type { PlanForWrite } from "../../io/write-record.js";
import { unifiedDiff } from "../../writeback/unified-diff.js";
import { shownFile, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { plural } from "../../diagnostics/plural.js";

export type { PlannedWrite } from "../../io/apply-change.js";

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
  const outcome = await applyChange(context, snapshot, writes, options);
  const { added } = outcome;
  const errorWord = plural(added.length, "new error");
  if (outcome.kind === "dry-run") {
    for (const w of writes) context.stdout(unifiedDiff(shownFile(context, w.file), w.before?.text, w.text));
    if (added.length > 0) context.stderr(printDiagnostics(context, added));
    if (!context.quiet) for (const line of summary) context.stderr(`${line}\n`);
    context.stderr(`dry run: nothing was written${added.length > 0 ? `; the change would give the plan ${errorWord}` : ""}\n`);
    return added.length > 0 && !options.force ? EXIT.invalid : EXIT.ok;
  }
  if (outcome.kind === "blocked") {
    context.stderr(printDiagnostics(context, added));
    throw new CliError(`nothing was written: the change would give the plan ${errorWord}`, EXIT.invalid, "Fix what it refers to first, or pass --force to write it anyway.");
  }
  if (!context.quiet) {
    for (const w of writes) context.stdout(`${w.before ? "updated" : "created"} ${shownFile(context, w.file)}\n`);
    for (const line of summary) context.stdout(`  ${line}\n`);
  }
  // Every error is shown, but only the warnings the change brought: the others were there before and `validate` lists them.
  const { diagnostics } = outcome;
  const fresh = new Set(outcome.introduced);
  const shown = diagnostics.filter((d) => d.severity === "error" || fresh.has(d));
  context.stdout(printDiagnostics(context, shown));
  const hidden = diagnostics.length - shown.length;
  if (!context.quiet) context.stderr(`${summarize(diagnostics)}${hidden > 0 ? ` (${hidden} from before the change: \`paraplan validate\` lists them)` : ""}\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

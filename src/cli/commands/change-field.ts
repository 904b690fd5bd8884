import { planFieldChange } from "../../io/change-field.js";
import type { FieldEdit } from "../../writeback/edit-record.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, reportRefusal, type WriteOptions } from "./apply-changes.js";

/** `paraplan set <ref> <field> <value>`, `paraplan add|remove <ref> <list-field> <item>`: change one field where it is written. */
export async function changeField(context: CommandContext, ref: string, edit: FieldEdit, options: WriteOptions & { renameBranch?: boolean }): Promise<ExitCode> {
  const change = await planFieldChange(context, ref, edit, { renameBranch: options.renameBranch ?? false });
  switch (change.kind) {
    case "no-record":
      throw new CliError(change.message, EXIT.usage, change.hint);
    case "refused":
      return reportRefusal(context, change.diagnostics);
    case "unchanged":
      context.stderr(`${change.message}\n`);
      return EXIT.ok;
    case "change":
      return applyChanges(context, change.snapshot, change.writes, change.summary, options);
  }
}

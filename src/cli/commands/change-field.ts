import { fieldChange } from "../../io/field-change.js";
import { readPlanForWrite } from "../../io/write-record.js";
import type { FieldEdit } from "../../writeback/edit-record.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, reportRefusal, type WriteOptions } from "./apply-changes.js";

/** `paraplan set <ref> <field> <value>`, `paraplan add|remove <ref> <list-field> <item>`: change one field where it is written. */
export async function changeField(context: CommandContext, ref: string, edit: FieldEdit, options: WriteOptions & { renameBranch?: boolean }): Promise<ExitCode> {
  const snapshot = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
  const change = await fieldChange(snapshot, ref, edit, options.renameBranch ? { renameBranch: true } : {});
  switch (change.kind) {
    case "unknown":
      throw new CliError(change.message, EXIT.usage, change.hint);
    case "refused":
      return reportRefusal(context, change.diagnostics);
    case "unchanged":
      context.stderr(`${change.message}; nothing was written\n`);
      return EXIT.ok;
    case "change":
      return applyChanges(context, snapshot, change.writes, change.summary, options);
  }
}

import { readPlanForWrite, readVersion } from "../../io/write-record.js";
import { parseRecord } from "../../parse/parse-record.js";
import { resolveRef } from "../../writeback/resolve-ref.js";
import { writeSnapshot } from "../../writeback/session-snapshot-edit.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, type WriteOptions } from "./apply-changes.js";
import { snapshotOf } from "./session-new.js";

/**
 * `paraplan session freeze <session>`: writes the plan as it stands now into a session record (replacing the snapshot
 * tables it has): at the end of a session, to record the ADRs decided in it, or once for a log written before snapshots.
 */
export async function sessionFreeze(context: CommandContext, ref: string, options: WriteOptions): Promise<ExitCode> {
  const read = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
  const target = resolveRef(
    read.plan,
    read.files.map((f) => f.parsed),
    ref,
  );
  if ("message" in target) throw new CliError(target.message, EXIT.usage, target.hint);
  if (target.kind !== "session") throw new CliError(`${target.label} is not a session log`, EXIT.usage, "Name a session by its date: paraplan session freeze 2025-10-16.");
  const version = await readVersion(read, target.file);
  const record = parseRecord(version.text, version.file, version.relative).records[target.index]!;
  const session = read.plan.sessions.find((s) => s.source.file === target.file)!;
  const text = writeSnapshot(version.text, record.fields, snapshotOf(read, session.date));
  if (text === version.text) {
    context.stderr(`${target.label} already carries the plan as it stands; nothing was written\n`);
    return EXIT.ok;
  }
  return applyChanges(context, read, [{ file: version.file, relative: version.relative, text, before: version }], [`${target.label}: snapshot of the plan as it stands`], options);
}

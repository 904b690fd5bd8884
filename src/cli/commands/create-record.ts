import { z } from "zod";
import { readPlanForWrite, type PlanForWrite } from "../../io/write-record.js";
import { NEW_KINDS, newRecordFile, type NewKind, type NewRecordRequest } from "../../writeback/new-record.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, reportRefusal, type WriteOptions } from "./apply-changes.js";

/** Options of `paraplan new` that are not fields. */
export interface CreateOptions extends WriteOptions {
  id?: string;
  date?: string;
}

/** Reads `--field value` and `--field=value` pairs after the kind and title; the rest are operands. */
function fieldOptions(args: readonly string[]): { operands: string[]; fields: { name: string; value: string }[] } {
  const operands: string[] = [];
  const fields: { name: string; value: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      operands.push(arg);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new CliError(`option \`--${m[1]!}\` needs a value`, EXIT.usage, `Write it as --${m[1]!} VALUE.`);
    fields.push({ name: m[1]!, value });
  }
  return { operands, fields };
}

/** A `YYYY-MM-DD` date from `--date`, or today. */
export function dateOption(date: string | undefined, today: () => string): string {
  if (date === undefined) return today();
  if (!z.iso.date().safeParse(date).success) throw new CliError(`--date \`${date}\` is not a date`, EXIT.usage, "Write it as YYYY-MM-DD, e.g. 2025-10-16.");
  return date;
}

/** Writes a new record file built by the pure core (then `finish`ed: a session's snapshot); shared by `new` and `session new`. */
export async function writeNewRecord(
  context: CommandContext,
  snapshot: PlanForWrite,
  request: NewRecordRequest,
  options: WriteOptions,
  summary: readonly string[] = [],
  finish: (text: string) => string = (text) => text,
): Promise<ExitCode> {
  const created = newRecordFile(
    snapshot.plan,
    snapshot.files.map((f) => f.parsed),
    request,
    snapshot.shownDir,
  );
  if ("diagnostics" in created) return reportRefusal(context, created.diagnostics);
  const file = snapshot.shownDir === "." ? created.relative : `${snapshot.shownDir}/${created.relative}`;
  if (snapshot.files.some((f) => f.planFile.relative.toLowerCase() === created.relative.toLowerCase())) {
    throw new CliError(`${file} exists already; nothing was written`, EXIT.invalid, "Choose another title or id; an existing file is never replaced.");
  }
  return applyChanges(context, snapshot, [{ file, relative: created.relative, text: finish(created.text) }], [`new ${request.kind} ${created.label}`, ...summary], options);
}

/** `paraplan new <kind> "<title>" [--field value ...]`: a new record file, valid at once, with the next free id. */
export async function createRecord(context: CommandContext, args: readonly string[], options: CreateOptions, today: () => string): Promise<ExitCode> {
  const { operands, fields } = fieldOptions(args);
  const [kind, title, ...extra] = operands;
  if (!kind || !NEW_KINDS.includes(kind as NewKind)) throw new CliError(`cannot create \`${kind ?? ""}\``, EXIT.usage, `Create one of: ${NEW_KINDS.join(", ")}.`);
  if (title === undefined) throw new CliError(`a new ${kind} needs a title`, EXIT.usage, `paraplan new ${kind} "Title"`);
  if (extra.length > 0) throw new CliError(`unexpected argument \`${extra[0]!}\``, EXIT.usage, 'Quote a title of several words: "Config Management".');
  const snapshot = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
  const request: NewRecordRequest = { kind: kind as NewKind, title, fields, today: dateOption(options.date, today) };
  if (options.id !== undefined) request.id = options.id;
  return writeNewRecord(context, snapshot, request, options);
}

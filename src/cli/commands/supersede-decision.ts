import { decisionIndex } from "../../model/decision-ref.js";
import { readPlanForWrite, readVersion, type FileVersion, type PlanForWrite } from "../../io/write-record.js";
import type { Decision } from "../../model/types.js";
import { resolveRef } from "../../writeback/resolve-ref.js";
import { supersede, type AdrFile } from "../../writeback/supersede.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, reportRefusal, type WriteOptions } from "./apply-changes.js";

/** The ADR a reference names, with its file read for the edit. */
async function adr(snapshot: PlanForWrite, ref: string): Promise<{ decision: Decision & { number: number }; version: FileVersion; file: AdrFile }> {
  const target = resolveRef(
    snapshot.plan,
    snapshot.files.map((f) => f.parsed),
    /^\d+$/.test(ref.trim()) ? `ADR-${ref.trim()}` : ref,
  );
  if ("message" in target) throw new CliError(target.message, EXIT.usage, target.hint);
  const decision = snapshot.plan.decisions.find((d) => d.source.file === target.file);
  if (target.kind !== "decision" || !decision) throw new CliError(`\`${ref}\` is ${target.label}, not an ADR`, EXIT.usage, "Name ADRs by number: 3, 0003 or ADR-3.");
  if (decision.number === undefined) throw new CliError(`${target.label} has no ADR number`, EXIT.invalid, "Give it a number (`number:` in its front matter) first.");
  const version = await readVersion(snapshot, target.file);
  return {
    decision: { ...decision, number: decision.number },
    version,
    file: { text: version.text, file: version.file, relative: version.relative, index: target.index, number: decision.number, title: decision.title },
  };
}

/** `paraplan decision supersede <old> --by <new>`: marks the old ADR superseded by the new one, in both files together. */
export async function supersedeDecision(context: CommandContext, oldRef: string, newRef: string, options: WriteOptions): Promise<ExitCode> {
  const snapshot = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
  const old = await adr(snapshot, oldRef);
  const next = await adr(snapshot, newRef);
  if (old.version.file === next.version.file) throw new CliError("an ADR cannot supersede itself", EXIT.usage, "Name two different ADRs: paraplan decision supersede 2 --by 5.");
  // The newer ADR's link may name the old one by number, `ADR-0003` or file name: resolve it as every link is.
  const linked = next.decision.supersededBy ? decisionIndex(snapshot.plan.decisions).find(next.decision.supersededBy.id) : undefined;
  if (linked !== undefined && linked.stem === old.decision.stem && linked.source.file === old.decision.source.file) {
    throw new CliError(`ADR-${next.decision.number} is itself superseded by ADR-${old.decision.number}`, EXIT.invalid, "Supersession goes one way: fix the newer ADR's status first.");
  }
  const result = supersede(old.file, next.file);
  if ("diagnostics" in result) return reportRefusal(context, result.diagnostics);
  const writes = [
    { file: old.version.file, relative: old.version.relative, text: result.texts[0], before: old.version },
    { file: next.version.file, relative: next.version.relative, text: result.texts[1], before: next.version },
  ].filter((w) => w.text !== w.before.text);
  if (writes.length === 0) {
    context.stderr(`ADR-${old.decision.number} is already superseded by ADR-${next.decision.number}; nothing was written\n`);
    return EXIT.ok;
  }
  return applyChanges(context, snapshot, writes, result.changes, options);
}

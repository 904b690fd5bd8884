import { printDiagnostics } from "../shown-diagnostics.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { renderPrompt } from "../../io/build.js";
import { withoutHeader } from "../../render/generated-header.js";
import { unknownId } from "../../model/find-by-id.js";
import { shownFile, type CommandContext } from "../context.js";
import path from "node:path";
import os from "node:os";
import { clipboardCommand } from "../clipboard-command.js";
import { whatHasErrors } from "../what-has-errors.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** Puts text on the system clipboard; loaded only for `--copy`. */
async function copyToClipboard(text: string): Promise<void> {
  const { default: clipboard } = await import("clipboardy");
  await clipboard.write(text);
}

/**
 * `paraplan prompt <ID>`: print a workstream's prompt, as its file in out/ without the generated-file header; `--copy`
 * puts it on the clipboard; `--mark-delivered` records, in the plan's delivery record, that its agent received it.
 */
export async function prompt(context: CommandContext, id: string, options: { copy: boolean; markDelivered?: boolean }, copy = copyToClipboard): Promise<ExitCode> {
  // The delivery names the workstream by its exact id: the plan is read, not a file of out/ found by name.
  const result = await renderPrompt(options.markDelivered ? { ...context, cache: false } : context, id);
  if (result.kind === "fresh") return deliver(context, withoutHeader(result.content), id, options, copy);
  const { workstream: ws, content, ids, diagnostics } = result;
  if (hasErrors(diagnostics)) context.stderr(printDiagnostics(context, diagnostics));
  if (!ws) {
    const unknown = unknownId("workstream", id, ids);
    if (!hasErrors(diagnostics)) throw new CliError(unknown.message, EXIT.usage, unknown.hint);
    context.stderr(`no workstream \`${id}\` in the plan as read (it has errors, above): fix them first\n`);
    return EXIT.invalid;
  }
  if (content === undefined) {
    // A template error stops every prompt; a plan error only the prompts that read its record.
    const where = whatHasErrors(diagnostics);
    context.stderr(`${where === "the plan has errors" ? `the plan has errors in what the ${ws.id} prompt reads` : where} (above): it cannot be rendered\n`);
    return EXIT.invalid;
  }
  if (hasErrors(diagnostics)) context.stderr(`the plan has errors, but none in what the ${ws.id} prompt reads: it is rendered\n`);
  const code = await deliver(context, withoutHeader(content), ws.id, options, copy);
  if (options.markDelivered) await markDelivered(context, ws.id, content);
  return code;
}

/** Records the delivery and says what was recorded. */
async function markDelivered(context: CommandContext, id: string, content: string): Promise<void> {
  const [{ recordDelivery }, { DELIVERY_RECORD }] = await Promise.all([import("../../git/record-delivery.js"), import("../../model/delivery-record.js")]);
  const delivery = await recordDelivery(context, id, content);
  const at = delivery.commit ? `commit ${delivery.commit.slice(0, 7)}${delivery.dirty ? " with uncommitted changes to the plan" : ""}` : "no commit (the plan is not committed)";
  context.stderr(`recorded the delivery of the ${id} prompt (${delivery.prompt.slice(0, 19)}…, plan at ${at}) in ${shownFile(context, path.join(context.planDir, DELIVERY_RECORD))}\n`);
}

/** Prints the prompt, or puts it on the clipboard (printing it when there is no clipboard). */
async function deliver(context: CommandContext, text: string, id: string, options: { copy: boolean }, copy: (text: string) => Promise<void>): Promise<ExitCode> {
  if (!options.copy) {
    context.stdout(text);
    return EXIT.ok;
  }
  try {
    await copy(text);
    context.stderr(`copied the ${id} prompt (${text.length} characters) to the clipboard\n`);
  } catch (error) {
    // clipboardy's own message blames a missing xsel; the real cause is usually that there is no display.
    const cause = (error as { fallbackError?: { stderr?: string } }).fallbackError?.stderr?.trim() ?? (error as Error).message;
    const why =
      !context.env.DISPLAY && !context.env.WAYLAND_DISPLAY && process.platform === "linux"
        ? "no clipboard is available: there is no graphical display (DISPLAY is not set)"
        : `the clipboard could not be written: ${cause}`;
    context.stdout(text);
    const pipe = clipboardCommand({ platform: process.platform, env: context.env, release: os.release() });
    context.stderr(`${why}; the prompt was printed instead (pipe it, e.g. \`paraplan prompt ${id} | ${pipe}\`)\n`);
  }
  return EXIT.ok;
}

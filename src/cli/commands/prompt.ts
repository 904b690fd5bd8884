import { printDiagnostics } from "../shown-diagnostics.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { renderPrompt } from "../../io/build.js";
import { withoutHeader } from "../../render/generated-header.js";
import { suggest } from "../../parse/suggest.js";
import type { CommandContext } from "../context.js";
import os from "node:os";
import { clipboardCommand } from "../clipboard-command.js";
import { whatHasErrors } from "../what-has-errors.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** Puts text on the system clipboard; loaded only for `--copy`. */
async function copyToClipboard(text: string): Promise<void> {
  const { default: clipboard } = await import("clipboardy");
  await clipboard.write(text);
}

/** `paraplan prompt <ID>`: print a workstream's prompt, as its file in out/ without the generated-file header; `--copy` puts it on the clipboard. */
export async function prompt(context: CommandContext, id: string, options: { copy: boolean }, copy = copyToClipboard): Promise<ExitCode> {
  const result = await renderPrompt(context, id);
  if (result.kind === "fresh") return deliver(context, withoutHeader(result.content), id, options, copy);
  const { workstream: ws, content, ids, diagnostics } = result;
  if (hasErrors(diagnostics)) context.stderr(printDiagnostics(context, diagnostics));
  if (!ws) {
    const guess = suggest(id, ids);
    if (!hasErrors(diagnostics)) throw new CliError(`no workstream \`${id}\`; the plan has: ${ids.join(", ")}`, EXIT.usage, guess ? `Did you mean \`${guess}\`?` : undefined);
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
  return deliver(context, withoutHeader(content), ws.id, options, copy);
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
    const why = !context.env.DISPLAY && !context.env.WAYLAND_DISPLAY && process.platform === "linux" ? "no clipboard is available: there is no graphical display (DISPLAY is not set)" : `the clipboard could not be written: ${cause}`;
    context.stdout(text);
    const pipe = clipboardCommand({ platform: process.platform, env: context.env, release: os.release() });
    context.stderr(`${why}; the prompt was printed instead (pipe it, e.g. \`paraplan prompt ${id} | ${pipe}\`)\n`);
  }
  return EXIT.ok;
}

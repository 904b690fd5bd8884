import { printDiagnostics } from "../shown-diagnostics.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { freshOutput } from "../fresh-output.js";
import { withoutHeader } from "../../render/generated-header.js";
import { promptPath } from "../../model/output-paths.js";
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
  const wanted = (file: string) => {
    const lower = file.toLowerCase();
    const prefix = `prompts/${id.toLowerCase()}`;
    return lower === `${prefix}.md` || lower.startsWith(`${prefix}_`);
  };
  // Unchanged since the last build: the prompt is the file in out/, byte for byte, with no parsing at all.
  const fresh = await freshOutput(context, wanted);
  if (fresh !== undefined && !options.copy) {
    context.stdout(withoutHeader(fresh));
    return EXIT.ok;
  }
  // Otherwise only this workstream's prompt is rendered (every prompt when the id is not an exact file name). Errors
  // in records the prompt does not read (another ADR, a session) do not stop it: one bad ADR must not stop every agent.
  const { buildWithEnv } = await import("../build-env.js");
  let result = await buildWithEnv(context, { only: wanted, aroundErrors: true });
  if (result.files.length === 0) result = await buildWithEnv(context, { only: (file) => file.startsWith("prompts/"), aroundErrors: true });
  const ws = result.plan.workstreams.find((w) => w.id === id) ?? result.plan.workstreams.find((w) => w.id.toLowerCase() === id.toLowerCase());
  const target = ws ? promptPath(ws) : undefined;
  let file = result.files.find((f) => f.path === target);
  if (ws && !file && result.files.length > 0) file = (await buildWithEnv(context, { only: (p) => p === target, aroundErrors: true })).files.find((f) => f.path === target);
  if (hasErrors(result.diagnostics)) context.stderr(printDiagnostics(context, result.diagnostics));
  if (!ws) {
    const ids = result.plan.workstreams.map((w) => w.id);
    const guess = suggest(id, ids);
    if (!hasErrors(result.diagnostics)) throw new CliError(`no workstream \`${id}\`; the plan has: ${ids.join(", ")}`, EXIT.usage, guess ? `Did you mean \`${guess}\`?` : undefined);
    context.stderr(`no workstream \`${id}\` in the plan as read (it has errors, above): fix them first\n`);
    return EXIT.invalid;
  }
  if (!file) {
    // A template error stops every prompt; a plan error only the prompts that read its record.
    const where = whatHasErrors(result.diagnostics);
    context.stderr(`${where === "the plan has errors" ? `the plan has errors in what the ${ws.id} prompt reads` : where} (above): it cannot be rendered\n`);
    return EXIT.invalid;
  }
  if (hasErrors(result.diagnostics)) context.stderr(`the plan has errors, but none in what the ${ws.id} prompt reads: it is rendered\n`);
  // What is pasted into an agent is the prompt alone: the generated-file header is for the file on disk.
  const text = withoutHeader(file.content);
  if (!options.copy) {
    context.stdout(text);
    return EXIT.ok;
  }
  try {
    await copy(text);
    context.stderr(`copied the ${ws.id} prompt (${text.length} characters) to the clipboard\n`);
  } catch (error) {
    // clipboardy's own message blames a missing xsel; the real cause is usually that there is no display.
    const cause = (error as { fallbackError?: { stderr?: string } }).fallbackError?.stderr?.trim() ?? (error as Error).message;
    const why = !context.env.DISPLAY && !context.env.WAYLAND_DISPLAY && process.platform === "linux" ? "no clipboard is available: there is no graphical display (DISPLAY is not set)" : `the clipboard could not be written: ${cause}`;
    context.stdout(text);
    const pipe = clipboardCommand({ platform: process.platform, env: context.env, release: os.release() });
    context.stderr(`${why}; the prompt was printed instead (pipe it, e.g. \`paraplan prompt ${ws.id} | ${pipe}\`)\n`);
  }
  return EXIT.ok;
}

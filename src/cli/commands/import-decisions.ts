import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { assertWritableInside } from "../../io/inside-folder.js";
import { readBounded } from "../../io/read-bounded.js";
import { createPlanFile } from "../../io/write-record.js";
import { FileExistsError } from "../../diagnostics/errors.js";
import { LIMITS } from "../../parse/limits.js";
import { numberFromStem } from "../../model/decision-ref.js";
import { loadProject } from "../../io/build.js";
import { shown, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarize } from "../../diagnostics/format.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { planDecisionImport, type ImportSource, type ImportStep } from "./decision-import-plan.js";
import { plural } from "../../diagnostics/plural.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * A file's text with the plan reader's checks: a regular file (a FIFO is opened without waiting and refused), within
 * the size limit by its size on disk, not binary, UTF-8. Otherwise why it is not read. `raw` keeps a byte-order mark,
 * so the copy is byte for byte.
 */
function readText(abs: string): { text: string; raw: string } | { problem: string } {
  const read = readBounded(abs, LIMITS.fileBytes);
  if ("tooLarge" in read) return { problem: `too large (${read.tooLarge.toLocaleString("en-US")} bytes; paraplan reads at most ${LIMITS.fileChars.toLocaleString("en-US")} characters per file)` };
  if ("notAFile" in read) return { problem: "not a regular file (a FIFO, socket or device)" };
  if ("error" in read) return { problem: `cannot be read (${read.error})` };
  if (read.bytes.includes(0)) return { problem: "not text (it contains NUL bytes)" };
  try {
    return { text: decoder.decode(read.bytes), raw: Buffer.from(read.bytes).toString("utf8") };
  } catch {
    return { problem: "not UTF-8 text" };
  }
}

/**
 * The files of the folder to import, each with its text when it passes the plan reader's checks. Only regular files
 * are read: a symbolic link (`0009-passwd.md -> /etc/passwd`) or a pipe is listed with why it is skipped, never
 * followed or waited on.
 */
async function readSources(dir: string): Promise<ImportSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.map((entry): ImportSource => {
    if (entry.isDirectory()) return { name: entry.name, folder: true };
    if (!/\.(md|markdown)$/i.test(entry.name)) return { name: entry.name };
    if (!entry.isFile()) return { name: entry.name, notRegular: entry.isSymbolicLink() ? "a symbolic link" : "not a regular file (a pipe, socket or device)" };
    const read = readText(path.join(dir, entry.name));
    return "text" in read ? { name: entry.name, text: read.text, raw: read.raw } : { name: entry.name, problem: read.problem };
  });
}

/** The ADR files already in the plan: names, and numbers from their file names. */
async function existingDecisions(decisionsDir: string) {
  const names = await readdir(decisionsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const numbers = new Map<number, string>();
  const texts = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
    const n = numberFromStem(name.replace(/\.md$/, ""));
    if (n !== undefined && !numbers.has(n)) numbers.set(n, name);
    // Read as the plan reader reads it: a FIFO or a huge file among the ADRs is no text to compare with.
    const read = readText(path.join(decisionsDir, name));
    if ("text" in read) texts.set(name, read.raw);
  }
  return { names, numbers, texts };
}

/** One line per file: what is (or would be) done with it, and what it was read as. */
function stepLine(step: ImportStep, target: string): string {
  if (step.action === "skip") return `skip    ${step.from}: ${step.reason}`;
  const d = step.decision;
  const pad = (n: number) => String(n).padStart(4, "0");
  if (step.renumbered) return `renumber ${step.from} → ${target}/${step.to}  (renumbered ${pad(step.renumbered.from)} → ${pad(step.renumbered.to)}: ${d.title}, ${d.status})`;
  const what = `${d.number !== undefined ? `${d.number}. ` : ""}${d.title}, ${d.status}${d.statusText && d.statusText.toLowerCase() !== d.status ? ` (written as "${d.statusText}")` : ""}`;
  return `${step.renamed ? "rename " : "copy   "} ${step.from} → ${target}/${step.to}  (${what})`;
}

/**
 * `paraplan import decisions <DIR> [--dry-run] [--renumber]`: copies an existing ADR folder (adr-tools, MADR, log4brains) into
 * `plan/decisions/`, each file byte for byte, renamed to `NNNN-slug.md` only when its name has no number; never replaces a
 * file. With `--renumber`, a file whose name or number the plan has gets the next free number, and the links between the
 * imported files are rewritten to match. Then lints what it imported.
 */
export async function importDecisions(context: CommandContext, dir: string, options: { dryRun: boolean; renumber?: boolean }): Promise<ExitCode> {
  const source = path.resolve(context.cwd, dir);
  if (!(await stat(source).catch(() => undefined))?.isDirectory()) {
    throw new CliError(`${dir} is not a folder`, EXIT.usage, "Give the folder that holds the ADRs, e.g. doc/adr or docs/decisions.");
  }
  const decisionsDir = path.join(context.planDir, "decisions");
  // A linked plan/decisions leading out of the plan is neither read nor written (a dry run says so too).
  await assertWritableInside(context.planDir, path.join(decisionsDir, "x.md"), "the plan folder");
  const target = shown(context, decisionsDir);
  const sources = await readSources(source);
  const steps = planDecisionImport(sources, await existingDecisions(decisionsDir), target, { renumber: options.renumber ?? false });
  // Copied as read and checked, byte-order mark included: the file is not opened a second time, when it might be something else.
  const raw = new Map(sources.map((s) => [s.name, s.raw]));
  const copies = steps.filter((s) => s.action === "copy");
  const imported: string[] = [];
  for (const step of steps) {
    if (step.action === "copy" && !options.dryRun) {
      const text = step.text ?? raw.get(step.from)!;
      try {
        await createPlanFile(context.planDir, path.join("decisions", step.to), `${target}/${step.to}`, text);
        imported.push(path.join(decisionsDir, step.to));
      } catch (error) {
        // Created meanwhile by someone else: still never replaced.
        if (!(error instanceof FileExistsError)) throw error;
        context.stdout(`skip    ${step.from}: ${error.message}\n`);
        continue;
      }
    }
    if (!context.quiet || step.action === "skip") context.stdout(`${stepLine(step, target)}\n`);
  }
  const renamed = copies.filter((s) => s.action === "copy" && s.renamed && !s.renumbered).length;
  const renumbered = copies.filter((s) => s.action === "copy" && s.renumbered).length;
  const also = renumbered > 0 ? `, ${renumbered} renumbered` : "";
  const skipped = steps.length - copies.length;
  if (options.dryRun) {
    context.stdout(`dry run: would copy ${plural(copies.length, "decision")} (${renamed} renamed${also}), skip ${skipped}; nothing was written\n`);
    return EXIT.ok;
  }
  context.stdout(`copied ${plural(imported.length, "decision")} (${renamed} renamed${also}), skipped ${skipped}\n`);
  // Lint what came in, as `validate` would: every problem of the imported files, and every error elsewhere (an
  // import can break other files: a number taken twice). The exit code is the one `validate` would give.
  const { diagnostics } = await loadProject(context);
  const mine = diagnostics.filter((d) => imported.includes(path.resolve(context.root, d.file)) || d.severity === "error");
  if (mine.length > 0) context.stdout(printDiagnostics(context, mine));
  if (!context.quiet) context.stderr(`${summarize(diagnostics)} in the plan\n`);
  context.stdout(`next: \`paraplan validate\` for the whole plan, \`paraplan list decisions --status proposed\` for the review queue\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

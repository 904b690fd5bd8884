import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { FileExistsError, createPlanFile } from "../../io/write-record.js";
import { numberFromStem } from "../../model/decision-ref.js";
import { loadWithEnv } from "../build-env.js";
import { shown, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { summarize } from "../../diagnostics/format.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { planDecisionImport, type ImportSource, type ImportStep } from "./decision-import-plan.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The files of the folder to import, each with its text when it is UTF-8. */
async function readSources(dir: string): Promise<ImportSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return Promise.all(
    entries.map(async (entry): Promise<ImportSource> => {
      if (entry.isDirectory()) return { name: entry.name, folder: true };
      if (!/\.(md|markdown)$/i.test(entry.name)) return { name: entry.name };
      const bytes = await readFile(path.join(dir, entry.name));
      try {
        return { name: entry.name, text: decoder.decode(bytes) };
      } catch {
        return { name: entry.name };
      }
    }),
  );
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
    texts.set(name, await readFile(path.join(decisionsDir, name), "utf8"));
  }
  return { names, numbers, texts };
}

/** One line per file: what is (or would be) done with it, and what it was read as. */
function stepLine(step: ImportStep, target: string): string {
  if (step.action === "skip") return `skip    ${step.from}: ${step.reason}`;
  const d = step.decision;
  const what = `${d.number !== undefined ? `${d.number}. ` : ""}${d.title}, ${d.status}${d.statusText && d.statusText.toLowerCase() !== d.status ? ` (written as "${d.statusText}")` : ""}`;
  return `${step.renamed ? "rename " : "copy   "} ${step.from} → ${target}/${step.to}  (${what})`;
}

/**
 * `paraplan import decisions <DIR> [--dry-run]`: copies an existing ADR folder (adr-tools, MADR, log4brains) into
 * `plan/decisions/`, each file byte for byte, renamed to `NNNN-slug.md` only when its name has no number; never replaces a
 * file. Then lints what it imported.
 */
export async function importDecisions(context: CommandContext, dir: string, options: { dryRun: boolean }): Promise<ExitCode> {
  const source = path.resolve(context.cwd, dir);
  if (!(await stat(source).catch(() => undefined))?.isDirectory()) {
    throw new CliError(`${dir} is not a folder`, EXIT.usage, "Give the folder that holds the ADRs, e.g. doc/adr or docs/decisions.");
  }
  const decisionsDir = path.join(context.planDir, "decisions");
  const target = shown(context, decisionsDir);
  const steps = planDecisionImport(await readSources(source), await existingDecisions(decisionsDir), target);
  const copies = steps.filter((s) => s.action === "copy");
  const imported: string[] = [];
  for (const step of steps) {
    if (step.action === "copy" && !options.dryRun) {
      const text = await readFile(path.join(source, step.from), "utf8");
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
  const renamed = copies.filter((s) => s.action === "copy" && s.renamed).length;
  const skipped = steps.length - copies.length;
  if (options.dryRun) {
    context.stdout(`dry run: would copy ${copies.length} decision${copies.length === 1 ? "" : "s"} (${renamed} renamed), skip ${skipped}; nothing was written\n`);
    return EXIT.ok;
  }
  context.stdout(`copied ${imported.length} decision${imported.length === 1 ? "" : "s"} (${renamed} renamed), skipped ${skipped}\n`);
  // Lint what came in, as `validate` would: every problem of the imported files, and every error elsewhere (an
  // import can break other files: a number taken twice). The exit code is the one `validate` would give.
  const { diagnostics } = await loadWithEnv(context);
  const mine = diagnostics.filter((d) => imported.includes(path.resolve(context.root, d.file)) || d.severity === "error");
  if (mine.length > 0) context.stdout(printDiagnostics(context, mine));
  if (!context.quiet) context.stderr(`${summarize(diagnostics)} in the plan\n`);
  context.stdout(`next: \`paraplan validate\` for the whole plan, \`paraplan list decisions --status proposed\` for the review queue\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

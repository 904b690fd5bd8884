import { hasErrors, sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { summarize, type DiagnosticFormat } from "../../diagnostics/format.js";
import { prepareWithEnv } from "../build-env.js";
import { cacheDirOf } from "../cache-dir.js";
import { inputsUnchanged, outputsIntact, readManifest, snapshotInputs, writeManifest } from "../../io/build-manifest.js";
import { withOutputLock } from "../../io/output-lock.js";
import type { BuildMemory } from "../../io/build-outputs.js";
import { syncOutputs, type WriteReport } from "../../io/write-outputs.js";
import { renderEach } from "../../render/render-documents.js";
import { documentPacer } from "../../io/collect-garbage.js";
import { shown, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { generateAgentFiles } from "../agent-files.js";

/** One build: render each document and write what changed; nothing is written while the plan or a template has errors. */
export async function generateOnce(context: CommandContext, options: { force: boolean; memory?: BuildMemory }): Promise<{ diagnostics: Diagnostic[]; report?: WriteReport; ms: number }> {
  const started = performance.now();
  const cacheDir = cacheDirOf(context);
  // Nothing changed since the last build (same inputs, outputs untouched): nothing to parse, render or write. `watch`
  // keeps its builds in memory instead: checking every input and output on disk would cost more than its rebuild.
  const inputs = context.cache && !options.memory ? await snapshotInputs(context) : undefined;
  const manifest = inputs ? await readManifest(cacheDir) : undefined;
  if (inputs && manifest && (await inputsUnchanged(inputs, manifest)) && outputsIntact(context.outDir, manifest.outputs)) {
    const report: WriteReport = { written: [], removed: [], unchanged: manifest.outputs.map((o) => o.path), refused: [] };
    return { diagnostics: manifest.diagnostics, report, ms: performance.now() - started };
  }
  // The disk cache is pruned once per process: `watch` prunes on its first build only.
  const first = !options.memory || options.memory.rendered.documents.size === 0;
  const prepared = await prepareWithEnv(context, { prune: first, ...(options.memory ? { memory: options.memory } : {}) });
  const { renderer, plan, schedule } = prepared;
  if (!renderer || hasErrors(prepared.diagnostics)) return { diagnostics: prepared.diagnostics, ms: performance.now() - started };
  // Each document is rendered when the writer asks for it and let go once staged, so the build never holds them all.
  const problems: Diagnostic[] = [];
  const written: { path: string; sources: string[] }[] = [];
  const pace = documentPacer(plan);
  const documents = function* () {
    for (const r of renderEach(plan, schedule, renderer, undefined, options.memory?.rendered)) {
      // Collecting garbage pays after rendering many documents, not after reusing them (watch).
      if (!("reused" in r)) pace();
      if ("diagnostic" in r) problems.push(r.diagnostic);
      else if (!hasErrors(problems)) {
        written.push({ path: r.file.path, sources: r.file.sources });
        yield r.file;
      }
    }
    // Nothing staged is moved into place: out/ stays as it was.
    if (hasErrors(problems)) throw new RenderFailed();
  };
  let report: WriteReport | undefined;
  try {
    // Under the output lock, so that another run's writes cannot come between these writes and the manifest that records them.
    report = await withOutputLock(context.outDir, async () => {
      const { report: synced } = await syncOutputs(context.outDir, documents(), { force: options.force, ...(options.memory ? { known: options.memory.outputs } : {}) });
      if (inputs && synced.refused.length === 0) await writeManifest(cacheDir, context.outDir, inputs, written.sort((a, b) => (a.path < b.path ? -1 : 1)), sortDiagnostics([...prepared.diagnostics, ...problems]));
      return synced;
    });
  } catch (error) {
    if (!(error instanceof RenderFailed)) throw error;
  }
  const diagnostics = sortDiagnostics([...prepared.diagnostics, ...problems]);
  return { diagnostics, ...(report && !hasErrors(diagnostics) ? { report } : {}), ms: performance.now() - started };
}

/** Thrown into the writer when a document failed to render: what was staged is dropped. */
class RenderFailed extends Error {}

/** Prints what a build wrote, removed and refused. */
export function printReport(context: CommandContext, report: WriteReport, ms: number): void {
  const out = shown(context, context.outDir);
  if (!context.quiet) {
    for (const file of report.written) context.stdout(`${context.paint.cyan("wrote")}   ${out}/${file}\n`);
    for (const file of report.removed) context.stdout(`${context.paint.yellow("removed")} ${out}/${file}\n`);
  }
  for (const refused of report.refused) {
    if (refused.kind === "not-a-file") {
      context.stderr(`${context.paint.red("refused")} ${out}/${refused.path} is a folder (or another thing that is not a file) where a generated file goes; move it away, then generate again\n`);
      continue;
    }
    const why = refused.kind === "edited" ? "was edited by hand since it was generated" : "was not generated by paraplan";
    context.stderr(`${context.paint.red("refused")} ${out}/${refused.path} ${why}; keep your changes elsewhere or run with --force to replace it\n`);
  }
  if (!context.quiet) context.stdout(`${report.written.length} written, ${report.removed.length} removed, ${report.unchanged.length} unchanged in ${Math.round(ms)} ms\n`);
}

/** `paraplan generate`: render every document and write what changed to `out/`. */
export async function generate(context: CommandContext, options: { format: DiagnosticFormat; force: boolean }): Promise<ExitCode> {
  const { diagnostics, report, ms } = await generateOnce(context, options);
  context.stderr(printDiagnostics(context, diagnostics, options.format));
  if (!report) {
    // out/ is all of one plan or left as it was: a partial out/ would pass for a complete one. An agent whose prompt
    // reads none of the records with errors can still be given it: `paraplan prompt` renders around them.
    context.stderr(`${summarize(diagnostics)}: nothing written.\n`);
    if (hasErrors(diagnostics)) context.stderr("  hint: `paraplan prompt <ID>` still prints a prompt that reads none of the records with errors.\n");
    return EXIT.invalid;
  }
  printReport(context, report, ms);
  const refusedAgentFiles = await generateAgentFiles(context, options);
  // Like `validate`, every command that validates ends with the count, so that ten warnings do not scroll by unsummed.
  if (options.format === "text" && !context.quiet) context.stderr(`${summarize(diagnostics)}\n`);
  return report.refused.length + refusedAgentFiles > 0 ? EXIT.invalid : EXIT.ok;
}

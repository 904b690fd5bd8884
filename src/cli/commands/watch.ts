import { summarize } from "../../diagnostics/format.js";
import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { buildMemory } from "../../io/build-outputs.js";
import { PlanNotFoundError } from "../../io/plan-not-found.js";
import { watchPresence } from "../folder-presence.js";
import { shown, type CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { build as buildOnce } from "../../io/build.js";
import { printReport } from "../print-report.js";
import { buildInput, freshDiagnostics } from "../watch-filters.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { plural } from "../../diagnostics/plural.js";

/** chokidar's window for repeated changes of one file (50 ms), and a margin. */
const CHANGE_WINDOW_MS = 80;

/** How often the plan folder is looked at, to notice it moved, deleted or back. */
const PRESENCE_MS = 250;

/** `paraplan watch`: rebuild on every change to the plan or the templates, one build at a time, until stopped. */
export async function watch(context: CommandContext, options: { force: boolean; debounceMs: number }, stop: Promise<void>): Promise<ExitCode> {
  if (!(await stat(context.planDir).catch(() => undefined))?.isDirectory()) throw new PlanNotFoundError(context.planDir);
  const { watch: watchFiles } = await import("chokidar");
  // Parsed files and rendered documents are kept between builds: an edit re-parses only the files whose text
  // changed, and re-renders only the documents whose view changed.
  const memory = buildMemory();
  let running = false;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  // While the plan folder is away (moved or deleted) nothing is built; when it is back, it is watched afresh.
  let gone = false;
  let previous: Diagnostic[] | undefined;

  const build = async (reason: string) => {
    if (gone) return;
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      const { diagnostics, report, ms } = await buildOnce(context, { mode: "write", force: options.force, memory });
      const stamp = context.paint.dim(`[${reason}]`);
      // Warnings printed by the last build are counted, not printed again.
      const { shown: fresh, repeated } = freshDiagnostics(previous, diagnostics);
      previous = diagnostics;
      if (fresh.length > 0) context.stderr(printDiagnostics(context, fresh));
      if (repeated > 0) context.stderr(`${context.paint.dim(`(${plural(repeated, "warning")} as before, not repeated)`)}\n`);
      if (!report) context.stderr(`${stamp} ${summarize(diagnostics)}: nothing written; waiting for the next change\n`);
      else {
        context.stdout(`${stamp} `);
        printReport({ ...context, quiet: false }, report, ms);
      }
    } catch (error) {
      // The plan folder went away during the build: the presence check says so, once.
      if (error instanceof PlanNotFoundError) return;
      // A failed build (a file vanished mid-read, a disk error) must not end the watch.
      context.stderr(`build failed: ${(error as Error).message}; waiting for the next change\n`);
    } finally {
      running = false;
      if (pending) {
        pending = false;
        void build("changes during the last build");
      }
    }
  };

  // The templates folder: the one given or configured, else `templates/` beside the plan, which may not exist yet.
  const templatesPath = context.templatesDir ?? path.join(context.root, "templates");
  const templatesAtStart = context.templatesDir !== undefined && (await stat(context.templatesDir).catch(() => undefined))?.isDirectory() === true;
  const folders = [context.planDir, ...(templatesAtStart ? [templatesPath] : [])];
  const watchFolders = () =>
    watchFiles(folders, {
      ignoreInitial: true,
      ignored: (file: string) => /(^|[/\\])\.(?!\.?$)/.test(file.slice(context.planDir.length)) || /~$|\.swp$/.test(file),
    });
  let watcher = watchFolders();
  const onChange = (file: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void build(shown(context, file)), options.debounceMs);
  };
  // chokidar drops a file's further changes for 50 ms after it reports one (a save in two writes is one change), so a
  // second save within that window would go unseen: each reported change is looked at again once the window passed.
  const rechecks = new Map<string, NodeJS.Timeout>();
  const recheck = (file: string, seen: Stats | undefined) => {
    clearTimeout(rechecks.get(file));
    rechecks.set(
      file,
      setTimeout(() => {
        rechecks.delete(file);
        void stat(file).then(
          (now) => (!seen || now.size !== seen.size || now.mtimeMs !== seen.mtimeMs ? onChange(file) : undefined),
          () => undefined,
        );
      }, CHANGE_WINDOW_MS),
    );
  };
  const listen = () => {
    watcher.on("all", (event, file, stats) => {
      // Editors' and paraplan's own temporary files are no build input.
      if (!buildInput(event, file)) return;
      if (!gone) onChange(file);
      if (event === "change") recheck(file, stats);
    });
    watcher.on("error", (error) => context.stderr(`watch error: ${(error as Error).message}\n`));
  };
  const plan = shown(context, context.planDir);
  const stopPresence = await watchPresence(context.planDir, PRESENCE_MS, {
    gone() {
      gone = true;
      if (timer) clearTimeout(timer);
      context.stderr(`${plan} is gone (moved or deleted); waiting for it to come back (Ctrl-C to stop)\n`);
    },
    back() {
      gone = false;
      context.stderr(`${plan} is back; watching it again\n`);
      const old = watcher;
      watcher = watchFolders();
      listen();
      void old.close().then(() => build(`${plan} is back`));
    },
  });
  // A templates folder made after the watch started (`paraplan templates eject`), or deleted and made again, is seen by
  // looking at its path now and then, as for the plan folder: a file-system watcher on the project folder would watch
  // everything in it. Once there, it is watched and the plan rebuilt with it.
  const templates = shown(context, templatesPath);
  const stopTemplatesPresence = await watchPresence(templatesPath, PRESENCE_MS, {
    gone() {},
    back() {
      context.templatesDir = templatesPath;
      if (!folders.includes(templatesPath)) folders.push(templatesPath);
      else watcher.unwatch(templatesPath);
      watcher.add(templatesPath);
      context.stderr(`${templates} appeared; watching it too\n`);
      onChange(templatesPath);
    },
  });
  listen();
  await new Promise<void>((resolve) => watcher.on("ready", () => resolve()));
  context.stderr(`watching ${folders.map((f) => shown(context, f)).join(" and ")} (Ctrl-C to stop)\n`);
  // The first build may find every file in the disk cache and never load the parser: it is loaded meanwhile, so the
  // first edit does not wait for it (about 100 ms).
  const parser = import("../../parse/parse-record.js").catch(() => undefined);
  await build("start");
  await parser;
  await stop;
  stopPresence();
  stopTemplatesPresence();
  if (timer) clearTimeout(timer);
  for (const pending of rechecks.values()) clearTimeout(pending);
  await watcher.close();
  return EXIT.ok;
}

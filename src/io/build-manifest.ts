import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { VERSION } from "../version.js";
import { listTemplateFiles } from "./load-templates.js";
import { toPosix } from "./posix-path.js";
import { listPlanFiles, type ListedFile } from "./list-plan-files.js";
import { makeFolder } from "./make-folder.js";
import { writeAtomic } from "./atomic-write.js";

/** One input file as it stood: enough to notice, without reading it, that it did not change. */
interface InputStat {
  name: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

/** What the last successful build read and wrote: enough to know, without parsing, that nothing changed since. */
export interface BuildManifest {
  inputs: Omit<InputStat, "abs">[];
  /**
   * Each output as written, with the plan files it was rendered from (generated files name none: their header is one
   * line) and its view key: a hash of the templates, sources and view model it was rendered from (see `renderEach`).
   */
  outputs: { path: string; size: number; mtimeMs: number; sources?: string[]; view?: string }[];
  /** The paraplan that wrote the manifest: another version's outputs and view keys may differ (its manifest is not read). */
  version: string;
  /** The output folder, from the project root: a build into another folder does not take this one's outputs for its own. */
  out: string;
  diagnostics: Diagnostic[];
}

/** The inputs of a build: plan and template files, where they go and from where they are shown. */
export interface BuildInputs {
  planDir: string;
  templatesDir?: string | undefined;
  outDir: string;
  /** The project root: input names and the output folder are recorded relative to it, whatever the working folder. */
  root: string;
}

/** A snapshot of the inputs taken before a build, so a file changed during the build is noticed by the next one. */
export interface InputsSnapshot {
  stats: InputStat[];
  /** The plan files among them, as listed (with their stats): a build patching the model snapshot need not list them again. */
  planFiles: StatedPlanFile[];
  /** Whether listing the plan folder found problems (a link out of it, a loop): those only a full read reports. */
  listingProblems: boolean;
}

/** A plan file as listed, with its size and time. */
export type StatedPlanFile = ListedFile & { size: number; mtimeMs: number };

const NAME = "build.json";

/** Lists and stats every input file (plan files by their shown name, templates by folder and name). */
export async function snapshotInputs(options: BuildInputs): Promise<InputsSnapshot> {
  const { files, diagnostics } = await listPlanFiles(options.planDir, options.root);
  const templates = await listTemplateFiles(options.templatesDir);
  // The config file's settings (a default decision status, severities) change the diagnostics and documents too.
  const configs = [path.join(options.planDir, "paraplan.config.json"), path.join(path.dirname(options.planDir), "paraplan.config.json")]
    .filter((abs) => existsSync(abs))
    .map((abs) => ({ name: toPosix(path.relative(options.root, abs)), abs }));
  // Synchronous on purpose: thousands of stats through the thread pool cost more in promises than in system calls,
  // and this is the whole of a warm run's work.
  const stats = [...files.map((f) => ({ name: f.file, abs: f.abs })), ...templates, ...configs].map((f) => {
    const info = statSync(f.abs);
    return { ...f, size: info.size, mtimeMs: info.mtimeMs };
  });
  const planFiles = files.map((f, i) => ({ ...f, size: stats[i]!.size, mtimeMs: stats[i]!.mtimeMs }));
  return { stats, planFiles, listingProblems: diagnostics.length > 0 };
}

/**
 * Whether the inputs are those of the manifest, by name, size and modification time (nothing is read). A file saved
 * without a change (or checked out again) has a new time: the build then finds, from the model snapshot, that no
 * record changed, and renders nothing.
 */
export function inputsUnchanged(snapshot: InputsSnapshot, manifest: BuildManifest): boolean {
  return (
    snapshot.stats.length === manifest.inputs.length &&
    snapshot.stats.every((s, i) => s.name === manifest.inputs[i]!.name && s.size === manifest.inputs[i]!.size && s.mtimeMs === manifest.inputs[i]!.mtimeMs)
  );
}

/** Reads the manifest of the builds into `out` (from the root) from the cache folder; a missing or corrupt one is no manifest. */
export async function readManifest(cacheDir: string, out: string): Promise<BuildManifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(cacheDir, NAME), "utf8")) as BuildManifest;
    return data.version === VERSION && data.out === out && Array.isArray(data.inputs) && Array.isArray(data.outputs) && Array.isArray(data.diagnostics) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether every output the manifest lists is still on disk exactly as written (same size and modification time). */
export function outputsIntact(outDir: string, outputs: BuildManifest["outputs"]): boolean {
  for (const output of outputs) {
    const info = statSync(path.join(outDir, output.path), { throwIfNoEntry: false });
    if (!info || info.size !== output.size || info.mtimeMs !== output.mtimeMs) return false;
  }
  return true;
}

/**
 * The view key of each output the manifest lists that is still on disk exactly as written: a build that renders the
 * same view for it leaves it as it stands. None from another paraplan version, whose rendering may differ.
 */
export function viewsOnDisk(outDir: string, manifest: BuildManifest | undefined): Map<string, string> {
  const views = new Map<string, string>();
  for (const output of manifest?.outputs ?? []) if (output.view && outputsIntact(outDir, [output])) views.set(output.path, output.view);
  return views;
}

/** Records a successful build: its inputs as they stood before it, its outputs as written, its diagnostics. */
export async function writeManifest(
  cacheDir: string,
  root: string,
  outDir: string,
  snapshot: InputsSnapshot,
  outputs: readonly { path: string; sources: readonly string[]; view?: string | undefined }[],
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  const entries = [];
  for (const output of outputs) {
    const info = statSync(path.join(outDir, output.path));
    entries.push({ path: output.path, size: info.size, mtimeMs: info.mtimeMs, sources: [...output.sources], ...(output.view ? { view: output.view } : {}) });
  }
  const manifest: BuildManifest = {
    inputs: snapshot.stats.map(({ name, size, mtimeMs }) => ({ name, size, mtimeMs })),
    outputs: entries,
    diagnostics: [...diagnostics],
    version: VERSION,
    out: toPosix(path.relative(root, outDir)),
  };
  await makeFolder(cacheDir);
  // Atomic: two runs at once never leave half a manifest. A lost manifest only costs a full build: no fsync.
  await writeAtomic(path.join(cacheDir, NAME), JSON.stringify(manifest), { flush: false });
}

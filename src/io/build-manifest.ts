import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { VERSION } from "../version.js";
import { listPlanFiles } from "./read-plan.js";
import { listTemplateFiles } from "./load-templates.js";

/** What the last successful build read and wrote: enough to know, without parsing, that nothing changed since. */
export interface BuildManifest {
  key: string;
  outputs: { path: string; size: number; mtimeMs: number }[];
  diagnostics: Diagnostic[];
}

const NAME = "build.json";

/** A hash of everything a build depends on: paraplan's version, every plan and template file (name and bytes), the output folder. */
export async function inputsKey(options: { planDir: string; templatesDir?: string | undefined; outDir: string; cwd: string }): Promise<string> {
  const hash = createHash("sha256").update(`paraplan ${VERSION}\0${path.relative(options.cwd, options.outDir)}\0`);
  const { files } = await listPlanFiles(options.planDir, options.cwd);
  const templates = await listTemplateFiles(options.templatesDir);
  for (const file of [...files.map((f) => ({ name: f.file, abs: f.abs })), ...templates]) {
    hash.update(`${file.name}\0`);
    hash.update(await readFile(file.abs));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Reads the manifest from the cache folder; a missing or corrupt one is no manifest. */
export async function readManifest(cacheDir: string): Promise<BuildManifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(cacheDir, NAME), "utf8")) as BuildManifest;
    return typeof data.key === "string" && Array.isArray(data.outputs) && Array.isArray(data.diagnostics) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether every output the manifest lists is still on disk exactly as written (same size and modification time). */
export async function outputsIntact(outDir: string, manifest: BuildManifest): Promise<boolean> {
  for (const output of manifest.outputs) {
    const info = await stat(path.join(outDir, output.path)).catch(() => undefined);
    if (!info || info.size !== output.size || info.mtimeMs !== output.mtimeMs) return false;
  }
  return true;
}

/** Records a successful build's key, outputs and diagnostics. */
export async function writeManifest(cacheDir: string, outDir: string, key: string, outputs: readonly string[], diagnostics: readonly Diagnostic[]): Promise<void> {
  const entries = [];
  for (const rel of outputs) {
    const info = await stat(path.join(outDir, rel));
    entries.push({ path: rel, size: info.size, mtimeMs: info.mtimeMs });
  }
  const manifest: BuildManifest = { key, outputs: entries, diagnostics: [...diagnostics] };
  const { mkdir, writeFile, rename } = await import("node:fs/promises");
  await mkdir(cacheDir, { recursive: true });
  const temporary = path.join(cacheDir, `${NAME}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, path.join(cacheDir, NAME));
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { inputsUnchanged, outputsIntact, readManifest, snapshotInputs } from "../io/build-manifest.js";
import { cacheDirOf } from "./cache-dir.js";
import type { CommandContext } from "./context.js";

/** The text of a generated file, when the last build's manifest shows nothing changed since; otherwise undefined. */
export async function freshOutput(context: CommandContext, wanted: (path: string) => boolean): Promise<string | undefined> {
  if (!context.cache) return undefined;
  const manifest = await readManifest(cacheDirOf(context));
  const matches = manifest?.outputs.filter((o) => wanted(o.path)) ?? [];
  // Two candidates (ids that are prefixes of each other) need the plan to tell them apart.
  const output = matches.length === 1 ? matches[0] : undefined;
  if (!manifest || !output) return undefined;
  if (!(await inputsUnchanged(await snapshotInputs(context), manifest)) || !outputsIntact(context.outDir, [output])) return undefined;
  return readFile(path.join(context.outDir, output.path), "utf8");
}

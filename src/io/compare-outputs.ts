import { lstatSync } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { inspectGenerated, type GeneratedState } from "../render/generated-header.js";
import type { OutputFile } from "../render/render-documents.js";
import { insideFolder, parentChecker } from "./inside-folder.js";

/** How one path of `out/` compares with what the plan renders. */
export type OutputStatus =
  /** On disk, byte-identical. */
  | { kind: "unchanged"; path: string; expected: string }
  /** Not on disk yet. */
  | { kind: "missing"; path: string; expected: string }
  /** Generated earlier, untouched since, and now different: safe to replace. */
  | { kind: "stale"; path: string; actual: string; expected: string }
  /** Generated, then edited by hand: replacing it would lose the edit. */
  | { kind: "edited"; path: string; actual: string; expected?: string }
  /**
   * A file paraplan did not write sits where it would write (a symbolic link counts as one, and is never followed);
   * `notAFile` when it is a folder (or a pipe, a socket), which not even `--force` replaces.
   */
  | { kind: "foreign"; path: string; actual: string; expected: string; notAFile?: true }
  /** Generated earlier, no longer produced by the plan: to be removed. */
  | { kind: "orphan"; path: string; actual: string };

/** What a process knows it left in `out/` (`watch` keeps it between builds): each file's size, modification time and text. */
export type KnownOutputs = Map<string, { size: number; mtimeMs: number; content: string }>;

/** The `.md` files under a folder, hidden names and symbolic links skipped: paraplan never writes either. */
async function listMarkdown(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return [];
    throw error;
  });
  const found: string[] = [];
  for (const entry of entries) {
    // Hidden folders and installed packages are never paraplan's output, even with `--out .`.
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listMarkdown(path.join(dir, entry.name), `${rel}/`)));
    else if (entry.isFile() && entry.name.endsWith(".md")) found.push(rel);
  }
  return found;
}

async function readIfExists(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

/**
 * Compares rendered files with `out/` one at a time, as a build streams them (each folder checked once). Nothing is
 * read through a symbolic link: a linked folder leading outside `out/` is an error, a linked file is foreign.
 */
export function fileComparer(outDir: string, known?: KnownOutputs): (file: Pick<OutputFile, "path" | "content">) => Promise<OutputStatus> {
  const checkParent = parentChecker(outDir);
  return async (file) => {
    const abs = insideFolder(outDir, file.path);
    await checkParent(abs);
    // With `known` (watch: few files change) one synchronous call is cheapest. A full build stays asynchronous: its
    // writes are in flight meanwhile, and a synchronous call would wait on the folder they are creating files in.
    const info = known ? lstatSync(abs, { throwIfNoEntry: false }) : await lstat(abs).catch(() => undefined);
    if (info?.isSymbolicLink()) return { kind: "foreign", path: file.path, actual: "", expected: file.content };
    // A folder where a document goes: reading it would fail with a bare EISDIR, replacing it would lose what it holds.
    if (info && !info.isFile()) return { kind: "foreign", path: file.path, actual: "", expected: file.content, notAFile: true };
    // A file this process wrote or read, untouched since (same size and time), and rendered the same: not read again.
    const earlier = known?.get(file.path);
    if (info && earlier && earlier.size === info.size && earlier.mtimeMs === info.mtimeMs && earlier.content === file.content) {
      return { kind: "unchanged", path: file.path, expected: file.content };
    }
    const actual = await readIfExists(abs);
    if (actual === undefined) return { kind: "missing", path: file.path, expected: file.content };
    if (actual === file.content) {
      if (info) known?.set(file.path, { size: info.size, mtimeMs: info.mtimeMs, content: file.content });
      return { kind: "unchanged", path: file.path, expected: file.content };
    }
    return { kind: stateKind(inspectGenerated(actual).state), path: file.path, actual, expected: file.content };
  };
}

/** The `.md` files in `out/` that the plan no longer renders: generated ones are orphans, hand-edited ones are kept. */
export async function unexpectedOutputs(outDir: string, expectedPaths: ReadonlySet<string>): Promise<OutputStatus[]> {
  const statuses: OutputStatus[] = [];
  for (const rel of await listMarkdown(outDir)) {
    if (expectedPaths.has(rel)) continue;
    const actual = await readFile(path.join(outDir, rel), "utf8");
    const { state } = inspectGenerated(actual);
    if (state === "generated") statuses.push({ kind: "orphan", path: rel, actual });
    else if (state === "edited") statuses.push({ kind: "edited", path: rel, actual });
  }
  return statuses;
}

/**
 * Every file in `out/` that the plan does not generate and that `unexpectedOutputs` does not report (its generated or
 * hand-edited pages): a page without paraplan's header, a forged prompt, an image, a link. `check` lists them, so that
 * nothing in `out/` passes for a generated page unless the plan generates it. Hidden names (the lock, temporaries) are
 * paraplan's own; links are listed, never followed.
 */
export async function extraFiles(outDir: string, expectedPaths: ReadonlySet<string>, reported: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${rel}/`);
      else if (!expectedPaths.has(rel) && !reported.has(rel)) found.push(rel);
    }
  };
  await walk(outDir, "");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function stateKind(state: GeneratedState): "stale" | "edited" | "foreign" {
  return state === "generated" ? "stale" : state;
}

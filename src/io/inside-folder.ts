import { realpathSync } from "node:fs";
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { OutsideFolderError } from "../diagnostics/errors.js";

/**
 * Whether `abs` is `root` or lies under it, by the paths' text (both resolved; symbolic links are not followed). The
 * one test of containment: a name that only starts with dots (`..notes`) is inside.
 */
export function isWithin(root: string, abs: string): boolean {
  const relative = path.relative(root, abs);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Resolves a relative path inside a folder, by its text alone: no `..` escape, no absolute path, no NUL byte. */
export function insideFolder(root: string, rel: string): string {
  const abs = path.resolve(root, rel);
  if (rel.includes("\0") || path.isAbsolute(rel) || !isWithin(path.resolve(root), abs)) throw new OutsideFolderError(rel, "it lies outside the output folder");
  return abs;
}

/**
 * Checks that the folder holding `abs` really lies inside `root` once symbolic links are followed, so that a link
 * such as `out/prompts -> /etc` is never read or written through. Folders that do not exist yet are fine: they will
 * be created inside the nearest one that does.
 */
export async function assertRealParentInside(root: string, abs: string, folder = "the output folder"): Promise<void> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return;
  let dir = path.dirname(abs);
  for (;;) {
    const real = await realpath(dir).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));
    if (real !== undefined) {
      if (!isWithin(realRoot, real)) throw new OutsideFolderError(path.relative(path.dirname(root), dir) || dir, `it is a symbolic link to ${real}, outside ${folder}`);
      return;
    }
    if (path.resolve(dir) === path.resolve(root)) return;
    dir = path.dirname(dir);
  }
}

/**
 * `assertRealParentInside` once per folder: a run that reads or writes many files in a folder checks the folder once.
 * `prepare` runs first, once per folder (creating it, for a write).
 */
export function parentChecker(root: string, prepare: (dir: string) => Promise<unknown> = () => Promise.resolve()): (abs: string) => Promise<void> {
  const checked = new Map<string, Promise<void>>();
  return (abs) => {
    const dir = path.dirname(abs);
    let check = checked.get(dir);
    if (!check) checked.set(dir, (check = prepare(dir).then(() => assertRealParentInside(root, abs))));
    return check;
  };
}

/** Whether the path itself is a symbolic link (which paraplan never reads or writes through). */
async function isSymlink(abs: string): Promise<boolean> {
  const info = await lstat(abs).catch(() => undefined);
  return info?.isSymbolicLink() ?? false;
}

/**
 * The real path of `abs` even when it does not exist yet: the longest existing prefix with its symbolic links
 * resolved, and the rest as written. Synchronous, for the few checks made before a command starts.
 */
export function realPathSync(abs: string): string {
  const resolved = path.resolve(abs);
  const rest: string[] = [];
  let dir = resolved;
  for (;;) {
    try {
      return path.join(realpathSync(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return resolved;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}

/**
 * The one check every write into the plan or template folder makes, before creating folders and again just before
 * writing: the folder that will hold `abs` lies inside `root` once symbolic links are followed (as the plan reader
 * requires of what it reads), and `abs` itself, when it is a symbolic link, leads inside `root` too. A write never
 * goes through a link the reader would refuse.
 */
export async function assertWritableInside(root: string, abs: string, folder: string): Promise<void> {
  await assertRealParentInside(root, abs, folder);
  if (!(await isSymlink(abs))) return;
  const realRoot = await realpath(root);
  const real = await realpath(abs).catch(() => undefined);
  if (real === undefined || !isWithin(realRoot, real)) {
    throw new OutsideFolderError(path.relative(path.dirname(root), abs) || abs, real ? `it is a symbolic link to ${real}, outside ${folder}` : `it is a symbolic link that leads nowhere`);
  }
}

import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Creates a folder and its missing parents, one level at a time, failing with the first error. Node's own
 * `mkdir(dir, { recursive: true })` retries for ever when a parent exists but refuses children with ENOENT (`/proc`),
 * so it is never used on a path a user chose: here each level is tried at most twice.
 */
export async function makeFolder(dir: string): Promise<void> {
  const target = path.resolve(dir);
  try {
    await mkdir(target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return assertFolder(target, error);
    const parent = path.dirname(target);
    if (code !== "ENOENT" || parent === target) throw error;
  }
  await makeFolder(path.dirname(target));
  // The parent exists now: a second refusal is the real reason, reported as it is.
  await mkdir(target).catch((error: NodeJS.ErrnoException) => (error.code === "EEXIST" ? assertFolder(target, error) : Promise.reject(error)));
}

/** An existing path is fine when it is a folder (or a link to one); a file in the way is the original error. */
async function assertFolder(target: string, error: unknown): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) throw error;
}

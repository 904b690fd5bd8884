import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROGRESS_FILE } from "../git/progress-file.js";
import { setProgressLines, type ProgressKey } from "../writeback/progress-lines.js";
import { writeAtomic } from "../io/atomic-write.js";

/** Sets progress lines in `progress.md` of a worktree, every other line kept; written atomically (a reader never sees half a file). Returns the file's path. */
export async function writeProgress(worktree: string, id: string, values: Partial<Record<ProgressKey, string>>): Promise<{ file: string; created: boolean }> {
  const file = path.join(worktree, PROGRESS_FILE);
  const before = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  await writeAtomic(file, setProgressLines(before, id, values));
  return { file, created: before === undefined };
}

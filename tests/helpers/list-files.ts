import { readdir } from "node:fs/promises";
import path from "node:path";

/** Every file under a folder, by its path inside it (POSIX separators), sorted. */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) files.push(...(await listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else files.push(`${prefix}${e.name}`);
  }
  return files.sort();
}

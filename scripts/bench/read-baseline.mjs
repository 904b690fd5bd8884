/* global process */
// Baseline: read every .md file of a plan folder (what any tool must do at least).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
const dir = process.argv[2];
let bytes = 0;
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith(".md")) bytes += (await readFile(path.join(entry.parentPath ?? entry.path, entry.name), "utf8")).length;
}
if (bytes === 0) process.exitCode = 1;

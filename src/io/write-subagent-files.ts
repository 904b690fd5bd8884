import { readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { subagentFileState, SUBAGENT_DIR, type SubagentFile } from "../render/subagent-file.js";
import { makeFolder } from "./make-folder.js";
import { writeAtomic } from "./atomic-write.js";

/** What writing the subagent files did, by path under the project root. */
export interface SubagentReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files left alone: edited by hand since generated (replaced with `force`), or not paraplan's (never replaced). */
  refused: { path: string; kind: "edited" | "foreign" }[];
}

/** The text of a file, or undefined when there is none. */
async function readIfThere(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

/**
 * Writes the subagent files into `<root>/.claude/agents/`, atomically, and removes the ones an earlier run generated for
 * personas the plan no longer has. A file edited by hand is replaced only with `force`; a file paraplan did not write
 * (a hand-made subagent) is never touched.
 */
export async function writeSubagentFiles(root: string, files: readonly SubagentFile[], options: { force: boolean }): Promise<SubagentReport> {
  const report: SubagentReport = { written: [], unchanged: [], removed: [], refused: [] };
  await makeFolder(path.join(root, SUBAGENT_DIR));
  for (const file of files) {
    const abs = path.join(root, file.path);
    const before = await readIfThere(abs);
    if (before === file.text) {
      report.unchanged.push(file.path);
      continue;
    }
    const state = before === undefined ? "generated" : subagentFileState(before);
    if (state === "foreign" || (state === "edited" && !options.force)) {
      report.refused.push({ path: file.path, kind: state });
      continue;
    }
    await writeAtomic(abs, file.text);
    report.written.push(file.path);
  }
  const kept = new Set(files.map((f) => path.posix.basename(f.path)));
  for (const name of (await readdir(path.join(root, SUBAGENT_DIR))).sort()) {
    if (!name.endsWith(".md") || kept.has(name)) continue;
    const text = await readIfThere(path.join(root, SUBAGENT_DIR, name));
    if (text !== undefined && subagentFileState(text) === "generated") {
      await unlink(path.join(root, SUBAGENT_DIR, name));
      report.removed.push(`${SUBAGENT_DIR}/${name}`);
    }
  }
  return report;
}

import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import { isWithin } from "./inside-folder.js";
import { toPosix } from "./posix-path.js";

/** A plan file found by the listing: its absolute path, its path inside the plan folder, and how it is shown. */
export interface ListedFile {
  abs: string;
  /** Path inside the plan folder (`workstreams/TD2-x.md`). */
  relative: string;
  /** The file's path relative to the project root (POSIX separators). */
  file: string;
}

function at(file: string): Location {
  return { file, ...FILE_START };
}

/**
 * How files under the plan folder are named: the folder's path from the project root and a file's path inside it,
 * joined, when the root is outside the folder (the usual case, and a string join per file instead of two path
 * resolutions); otherwise each path is worked out.
 */
function shownPaths(planDir: string, root: string): (abs: string, relative: string) => string {
  const base = toPosix(path.relative(root, planDir));
  if (base === "" || !isWithin(root, planDir)) return (abs) => toPosix(path.relative(root, abs));
  return (_abs, relative) => `${base}/${relative}`;
}

/** Lists the `.md` files of a plan folder (sorted, named relative to `projectRoot`), refusing symlinks that lead outside it or back into a folder that holds them. */
export async function listPlanFiles(planDir: string, projectRoot: string): Promise<{ files: ListedFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(planDir);
  const shownAs = shownPaths(planDir, projectRoot);
  const files: ListedFile[] = [];
  // Real paths of the folders walked: a link to one of them is followed once, so two links cannot multiply the walk.
  const walked = new Set<string>([root]);
  const walk = async (dir: string, prefix: string, real: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "templates") continue;
      const abs = path.join(dir, entry.name);
      const relative = `${prefix}${entry.name}`;
      const shown = shownAs(abs, relative) || entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = await realpath(abs).catch((error: NodeJS.ErrnoException) => error);
        if (resolved instanceof Error && resolved.code === "ELOOP") {
          diagnostics.push(loopAt(shown));
          continue;
        }
        if (resolved instanceof Error || !isWithin(root, resolved)) {
          diagnostics.push(
            diagnostic(
              "error",
              "symlink-outside-plan",
              at(shown),
              "symbolic link points outside the plan folder (or nowhere) and is not read",
              "Replace the link with a copy of the file, or remove it.",
            ),
          );
          continue;
        }
        const info = await stat(resolved);
        isDir = info.isDirectory();
        isFile = info.isFile();
        if (isDir && ancestors.has(resolved)) {
          diagnostics.push(loopAt(shown));
          continue;
        }
        // A folder already walked through another path holds nothing new: its files were listed there.
        if (isDir && walked.has(resolved)) continue;
        target = resolved;
      }
      if (isDir) {
        walked.add(target);
        await walk(abs, `${relative}/`, target, new Set([...ancestors, target]));
      } else if (isFile && /\.md$/i.test(entry.name)) files.push({ abs, relative, file: shown });
    }
  };
  await walk(planDir, "", root, new Set([root]));
  return { files, diagnostics };
}

/** The diagnostic for a link back to a folder that contains it: followed, it would list the same files without end. */
function loopAt(shown: string): Diagnostic {
  return diagnostic("error", "symlink-loop", at(shown), "symbolic link leads back into a folder that contains it and is not followed", "Remove the link: it makes the plan folder contain itself.");
}

import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diagnostic, FILE_START } from "../diagnostics/diagnostic.js";
import { TemplateError, type TemplateSource } from "../render/template-source.js";
import { isWithin } from "./inside-folder.js";
import { toPosix } from "./posix-path.js";

/** The built-in templates shipped with paraplan (`templates/` beside `dist/`). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The `.hbs` files under a template folder, the symbolic links in it that lead outside it, and those that loop back (neither read). */
async function listHbs(dir: string): Promise<{ names: string[]; outside: string[]; loops: string[] }> {
  const root = await realpath(dir).catch(() => undefined);
  const names: string[] = [];
  const outside: string[] = [];
  const loops: string[] = [];
  if (!root) return { names, outside, loops };
  // Real paths of the folders walked: a link to one is followed once, so links cannot multiply the walk.
  const walked = new Set<string>([root]);
  const walk = async (at: string, prefix: string, real: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(at, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let target = path.join(real, entry.name);
      // A link is followed only when it stays inside the template folder: templates are read and rendered into out/.
      if (entry.isSymbolicLink()) {
        const resolved = await realpath(abs).catch((error: NodeJS.ErrnoException) => error);
        if (resolved instanceof Error && resolved.code === "ELOOP") {
          loops.push(`${prefix}${entry.name}`);
          continue;
        }
        if (resolved instanceof Error || !isWithin(root, resolved)) {
          outside.push(`${prefix}${entry.name}`);
          continue;
        }
        const info = await stat(resolved);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
        if (isDirectory && ancestors.has(resolved)) {
          loops.push(`${prefix}${entry.name}`);
          continue;
        }
        if (isDirectory && walked.has(resolved)) continue;
        target = resolved;
      }
      if (isDirectory) {
        walked.add(target);
        await walk(abs, `${prefix}${entry.name}/`, target, new Set([...ancestors, target]));
      } else if (isFile && entry.name.endsWith(".hbs")) names.push(`${prefix}${entry.name}`);
    }
  };
  await walk(dir, "", root, new Set([root]));
  return { names, outside, loops };
}

/** The diagnostic for a template folder entry that is a link to somewhere outside it, or back into a folder holding it. */
function linkError(dir: string, name: string, root: string, loop: boolean): TemplateError {
  const shown = toPosix(path.relative(root, path.join(dir, name)));
  const at = { file: shown, ...FILE_START };
  return new TemplateError(
    loop
      ? diagnostic("error", "symlink-loop", at, "symbolic link leads back into a folder that contains it and is not followed", "Remove the link: it makes the template folder contain itself.")
      : diagnostic(
          "error",
          "symlink-outside-templates",
          at,
          "symbolic link points outside the template folder (or nowhere) and is not read",
          "Replace the link with a copy of the template, or remove it.",
        ),
  );
}

/** Loads the built-in templates, then the user's folder over them: a user file replaces the built-in of the same name. */
export async function loadTemplates(userDir: string | undefined, root: string): Promise<TemplateSource[]> {
  const byName = new Map<string, TemplateSource>();
  const dirs = [BUILTIN_TEMPLATES, ...(userDir && path.resolve(userDir) !== path.resolve(BUILTIN_TEMPLATES) ? [userDir] : [])];
  for (const dir of dirs) {
    const { names, outside, loops } = await listHbs(dir);
    if (outside.length > 0) throw linkError(dir, outside[0]!, root, false);
    if (loops.length > 0) throw linkError(dir, loops[0]!, root, true);
    for (const file of names) {
      const abs = path.join(dir, file);
      const shown = toPosix(path.relative(root, abs));
      byName.set(file.replace(/\.hbs$/, ""), { name: file.replace(/\.hbs$/, ""), file: isWithin(root, abs) ? shown : abs, source: await readFile(abs, "utf8") });
    }
  }
  return [...byName.values()];
}

/** Every template file a build would read (built-ins and the user's folder), by name, for the build manifest. */
export async function listTemplateFiles(userDir: string | undefined): Promise<{ name: string; abs: string }[]> {
  const dirs = [BUILTIN_TEMPLATES, ...(userDir && path.resolve(userDir) !== path.resolve(BUILTIN_TEMPLATES) ? [userDir] : [])];
  const files: { name: string; abs: string }[] = [];
  for (const [i, dir] of dirs.entries()) for (const file of (await listHbs(dir)).names) files.push({ name: `${i}:${file}`, abs: path.join(dir, file) });
  return files;
}

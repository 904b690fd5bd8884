import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TemplateSource } from "../render/handlebars-env.js";

/** The built-in templates shipped with paraplan (`templates/` beside `dist/`). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

async function listHbs(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) names.push(...(await listHbs(path.join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.isFile() && entry.name.endsWith(".hbs")) names.push(`${prefix}${entry.name}`);
  }
  return names;
}

/** Loads the built-in templates, then the user's folder over them: a user file replaces the built-in of the same name. */
export async function loadTemplates(userDir: string | undefined, cwd: string): Promise<TemplateSource[]> {
  const byName = new Map<string, TemplateSource>();
  const dirs = [BUILTIN_TEMPLATES, ...(userDir && path.resolve(userDir) !== path.resolve(BUILTIN_TEMPLATES) ? [userDir] : [])];
  for (const dir of dirs) {
    for (const file of await listHbs(dir)) {
      const abs = path.join(dir, file);
      const shown = path.relative(cwd, abs).split(path.sep).join("/");
      byName.set(file.replace(/\.hbs$/, ""), { name: file.replace(/\.hbs$/, ""), file: shown.startsWith("..") ? abs : shown, source: await readFile(abs, "utf8") });
    }
  }
  return [...byName.values()];
}

/** Every template file a build would read (built-ins and the user's folder), by name, for the build manifest. */
export async function listTemplateFiles(userDir: string | undefined): Promise<{ name: string; abs: string }[]> {
  const dirs = [BUILTIN_TEMPLATES, ...(userDir && path.resolve(userDir) !== path.resolve(BUILTIN_TEMPLATES) ? [userDir] : [])];
  const files: { name: string; abs: string }[] = [];
  for (const [i, dir] of dirs.entries()) for (const file of await listHbs(dir)) files.push({ name: `${i}:${file}`, abs: path.join(dir, file) });
  return files;
}

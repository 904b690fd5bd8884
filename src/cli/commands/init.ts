import { cp, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { editRecord, type FieldEdit } from "../../writeback/edit-record.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { wireEditorSchemas } from "../editor-settings.js";

/** The starter plan shipped with paraplan: one valid example of each record kind. */
const STARTER = fileURLToPath(new URL("../../../starter/plan/", import.meta.url));
/** The date the starter's session and ADR are written with: replaced by today's. */
const STARTER_DATE = "2026-01-05";

/** Lines `init` makes sure the project's `.gitignore` has: the cache is per machine. */
const GITIGNORE = [".paraplan-cache/"];

/**
 * markdownlint's default rules with line length exempting tables and code, for `out/`: the generated tables are wide,
 * so a stock `markdownlint-cli2` run would report them; with this, the README's "passes markdownlint" holds.
 */
const MARKDOWNLINT = `// markdownlint's default rules, with line length exempting tables and code (generated tables are wide).
{
  "config": { "MD013": { "tables": false, "code_blocks": false } },
  "globs": ["out/**/*.md"]
}
`;

/** Changes one field of the first record of a plan file through the write-back splices, so the file stays as written. */
async function setField(file: string, relative: string, edit: FieldEdit): Promise<void> {
  const text = await readFile(file, "utf8");
  const result = editRecord({ text, file, relative }, 0, edit);
  if (result.status === "changed") await writeFile(file, result.text);
}

/** Adds the lines a `.gitignore` lacks (creating it), keeping what it has. */
async function ensureGitignore(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE.filter((line) => !have.has(line));
  if (missing.length > 0) await writeFile(file, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`);
  return missing;
}

/** `paraplan init [DIR]`: create DIR/plan/ from the starter plan, named after DIR and dated today; never writes into an existing plan. */
export async function init(context: CommandContext, dir: string | undefined, today: string): Promise<ExitCode> {
  const root = path.resolve(context.cwd, dir ?? ".");
  const target = path.join(root, "plan");
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) {
    throw new CliError(`${shown(context, target)}/ already exists and is not empty; nothing was written`, EXIT.usage, "Choose another folder, or remove the existing plan first.");
  }
  await cp(STARTER, target, { recursive: true, errorOnExist: true, force: false });
  // The project is named after its folder, and the example session and ADR are dated today.
  const name = path.basename(root).trim();
  if (name !== "") await setField(path.join(target, "project.md"), "project.md", { op: "set", field: "name", value: name });
  const sessions = path.join(target, "sessions");
  for (const file of await readdir(sessions)) {
    if (!file.startsWith(STARTER_DATE)) continue;
    const renamed = `${today}${file.slice(STARTER_DATE.length)}`;
    await rename(path.join(sessions, file), path.join(sessions, renamed));
    await setField(path.join(sessions, renamed), `sessions/${renamed}`, { op: "set", field: "date", value: today });
  }
  const decisions = path.join(target, "decisions");
  for (const file of await readdir(decisions)) await setField(path.join(decisions, file), `decisions/${file}`, { op: "set", field: "date", value: today });

  const files = await readdir(target, { recursive: true, withFileTypes: true });
  const count = files.filter((f) => f.isFile()).length;
  context.stdout(`created ${shown(context, target)}/ with ${count} example records\n`);
  const ignored = await ensureGitignore(path.join(root, ".gitignore"));
  if (ignored.length > 0 && !context.quiet) context.stdout(`added ${ignored.join(", ")} to ${shown(context, path.join(root, ".gitignore"))}\n`);
  const lintConfig = path.join(root, ".markdownlint-cli2.jsonc");
  const wroteLint = await writeFile(lintConfig, MARKDOWNLINT, { flag: "wx" }).then(
    () => true,
    () => false,
  );
  if (wroteLint && !context.quiet) context.stdout(`created ${shown(context, lintConfig)} (markdownlint settings for out/)\n`);
  await wireEditorSchemas(context, root, target);
  if (!context.quiet) {
    const cd = dir && dir !== "." ? `cd ${dir} && ` : "";
    context.stdout(`next: edit the records, then run \`${cd}paraplan generate\`\n`);
  }
  return EXIT.ok;
}

import { constants } from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { assertWritableInside } from "../../io/inside-folder.js";
import { BUILTIN_TEMPLATES, loadTemplates } from "../../io/load-templates.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { makeFolder } from "../../io/make-folder.js";

/** `paraplan templates eject [NAME]`: copy built-in templates into the user's template folder for editing; existing files are kept. */
export async function ejectTemplates(context: CommandContext, name: string | undefined): Promise<ExitCode> {
  const builtins = await loadTemplates(undefined, context.root);
  const names = builtins.map((t) => t.name);
  const wanted = name === undefined ? names : names.filter((n) => n === name || n === name.replace(/\.hbs$/, "") || n === `${name}.md`);
  if (wanted.length === 0) throw new CliError(`no built-in template \`${name}\``, EXIT.usage, `Templates: ${names.join(", ")}.`);
  const target = context.templatesDir && path.resolve(context.templatesDir) !== path.resolve(BUILTIN_TEMPLATES) ? context.templatesDir : path.join(path.dirname(context.planDir), "templates");
  if (path.resolve(target) === path.resolve(BUILTIN_TEMPLATES))
    throw new CliError("the template folder is paraplan's own built-in folder", EXIT.usage, "Pass --templates DIR to eject into another folder.");
  for (const template of wanted) {
    const to = path.join(target, `${template}.hbs`);
    // Never through a link (`templates/partials -> elsewhere`) the template reader would refuse: before and after mkdir.
    await assertWritableInside(target, to, "the template folder");
    await makeFolder(path.dirname(to));
    await assertWritableInside(target, to, "the template folder");
    try {
      await copyFile(path.join(BUILTIN_TEMPLATES, `${template}.hbs`), to, constants.COPYFILE_EXCL);
      context.stdout(`copied ${shown(context, to)}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      context.stderr(`kept ${shown(context, to)} (it already exists)\n`);
    }
  }
  return EXIT.ok;
}

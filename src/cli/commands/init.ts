import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** The starter plan shipped with paraplan: one valid example of each record kind. */
const STARTER = fileURLToPath(new URL("../../../starter/plan/", import.meta.url));

/** `paraplan init [DIR]`: create DIR/plan/ from the starter plan; never writes into an existing plan. */
export async function init(context: CommandContext, dir: string | undefined): Promise<ExitCode> {
  const target = path.join(path.resolve(context.cwd, dir ?? "."), "plan");
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) {
    throw new CliError(`${shown(context, target)}/ already exists and is not empty; nothing was written`, EXIT.usage, "Choose another folder, or remove the existing plan first.");
  }
  await cp(STARTER, target, { recursive: true, errorOnExist: true, force: false });
  const files = await readdir(target, { recursive: true, withFileTypes: true });
  const count = files.filter((f) => f.isFile()).length;
  context.stdout(`created ${shown(context, target)}/ with ${count} example records\n`);
  if (!context.quiet) {
    const cd = dir && dir !== "." ? `cd ${dir} && ` : "";
    context.stdout(`next: edit the records, then run \`${cd}paraplan generate\`\n`);
  }
  return EXIT.ok;
}

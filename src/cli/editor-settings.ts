import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toPosix } from "../io/posix-path.js";
import { makeFolder } from "../io/make-folder.js";
import { yamlSchemaMap } from "../schema/editor-schemas.js";
import { shown, type CommandContext } from "./context.js";

/** The JSON Schemas shipped with this paraplan (`schemas/` of the package). */
const SCHEMAS = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** The schemas folder as the project's settings name it: relative when paraplan is installed inside the project, else absolute. */
function schemasPath(root: string): string {
  const rel = path.relative(root, SCHEMAS);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? `./${toPosix(rel).replace(/\/$/, "")}` : toPosix(SCHEMAS).replace(/\/$/, "");
}

/**
 * Writes `.vscode/settings.json` with a `yaml.schemas` entry mapping the plan's files to their JSON Schemas. An existing
 * settings file is merged when it is plain JSON without `yaml.schemas`, and otherwise left alone, with a message.
 */
export async function wireEditorSchemas(context: CommandContext, root: string, planDir: string): Promise<void> {
  const file = path.join(root, ".vscode", "settings.json");
  const schemas = schemasPath(root);
  const map = yamlSchemaMap(schemas, toPosix(path.relative(root, planDir)) || ".");
  const before = await readFile(file, "utf8").catch(() => undefined);
  const say = (text: string) => {
    if (!context.quiet) context.stdout(`${text}\n`);
  };
  if (before === undefined) {
    await makeFolder(path.dirname(file));
    await writeFile(file, `${JSON.stringify({ "yaml.schemas": map }, null, 2)}\n`, { flag: "wx" });
    say(`created ${shown(context, file)} (front-matter schemas for editors running yaml-language-server)`);
  } else {
    let settings: unknown;
    try {
      settings = JSON.parse(before);
    } catch {
      // VS Code allows comments in its settings: such a file is not rewritten, which would drop them.
      say(`left ${shown(context, file)} as it is (it is not plain JSON): add "yaml.schemas" by hand, see the README`);
      return;
    }
    if (typeof settings !== "object" || settings === null || Array.isArray(settings) || "yaml.schemas" in settings) {
      say(`left ${shown(context, file)} as it is (it has "yaml.schemas" already): see the README for paraplan's entries`);
      return;
    }
    await writeFile(file, `${JSON.stringify({ ...settings, "yaml.schemas": map }, null, 2)}\n`);
    say(`added "yaml.schemas" to ${shown(context, file)}`);
  }
  if (!schemas.startsWith("./")) say(`  (paraplan is not installed in this project: the schemas are named at ${schemas}; \`npm install -D paraplan\` makes them relative)`);
}

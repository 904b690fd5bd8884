import path from "node:path";
import { isWithin, realPathSync } from "../io/inside-folder.js";
import { CliError, EXIT } from "./exit-codes.js";

/** Where the output folder came from: `--out` names it explicitly; the config file and the default do not. */
export type OutputOrigin = "flag" | "config" | "default";

/**
 * Refuses an output folder that is, contains or lies inside the plan folder or the template folder (compared by real
 * path, so a symbolic link does not hide it): `generate` would write pages among the records, and `--force` or the
 * orphan removal would then replace or delete them. An `out` from the config file must stay inside the project root:
 * a config file travels with a repository, and must not make a build write elsewhere on the machine.
 */
export function checkOutputFolder(folders: { outDir: string; planDir: string; templatesDir?: string | undefined; origin: OutputOrigin; shown: (p: string) => string }): void {
  const out = realPathSync(folders.outDir);
  const given = folders.origin === "flag" ? "--out" : folders.origin === "config" ? "paraplan.config.json's `out`" : "the default output folder";
  const guarded: [string, string | undefined][] = [
    ["plan", folders.planDir],
    ["template", folders.templatesDir],
  ];
  for (const [what, dir] of guarded) {
    if (dir === undefined) continue;
    const real = realPathSync(dir);
    if (!isWithin(real, out) && !isWithin(out, real)) continue;
    const relation = out === real ? "is" : isWithin(real, out) ? "lies inside" : "contains";
    throw new CliError(
      `the output folder ${folders.shown(folders.outDir)} (${given}) ${relation} the ${what} folder ${folders.shown(dir)}: generated files would be written among its files`,
      EXIT.usage,
      `Choose an output folder outside the ${what} folder, such as out/ beside the plan.`,
    );
  }
  if (folders.origin === "config") {
    const root = realPathSync(path.dirname(folders.planDir));
    if (!isWithin(root, out)) {
      throw new CliError(
        `paraplan.config.json's \`out\` (${folders.shown(folders.outDir)}) leaves the project folder ${folders.shown(path.dirname(folders.planDir))}`,
        EXIT.usage,
        "Give a folder inside the project in the config file, or name the folder outside it with --out.",
      );
    }
  }
}

import type { Command } from "commander";
import type { RegisterTools } from "./program.js";
import type { Registrar } from "./registrars.js";

/** A command group (`import`) that another feature may have created already: shared, not created twice. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `import decisions <DIR>`: bring a folder of ADRs (adr-tools, MADR, log4brains) into the plan. */
export const registerDecisions: Registrar = (program: Command, tools: RegisterTools) => {
  group(program, "import", "bring existing records into the plan")
    .command("decisions")
    .argument("<dir>", "the folder of ADRs to import, e.g. doc/adr")
    .description("copy an ADR folder (adr-tools, MADR 2–4, log4brains) into plan/decisions/, renaming files to NNNN-slug.md only when their names have no number")
    .option("--dry-run", "print what would be copied, renamed and skipped, and write nothing")
    .addHelpText(
      "after",
      tools.examples("paraplan import decisions doc/adr --dry-run", "paraplan import decisions ../service/docs/decisions") +
        "\nFiles are copied byte for byte and never replace a file: a name or an ADR number already in\nplan/decisions/ is skipped and said so. Index pages and templates (README.md, template.md) are\nskipped, and so are symbolic links and pipes: only regular files are read. What was imported is linted at once, as `paraplan validate` would.",
    )
    .action(async (dir: string, opts: { dryRun?: boolean }, cmd: Command) => {
      const { importDecisions } = await import("./commands/import-decisions.js");
      tools.setCode(await importDecisions(tools.context(cmd), dir, { dryRun: opts.dryRun ?? false }));
    });
};

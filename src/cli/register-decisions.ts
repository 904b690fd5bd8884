import type { Command } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";

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
    .option("--dry-run", "print what would be copied, renamed, renumbered and skipped, and write nothing")
    .option(
      "--renumber",
      "give a file whose name or ADR number the plan already has the next free number (file name, title and `number:`), and rewrite the links between the imported files to match, instead of skipping it",
    )
    .addHelpText(
      "after",
      tools.examples("paraplan import decisions doc/adr --dry-run", "paraplan import decisions ../service/docs/decisions", "paraplan import decisions ../service/docs/decisions --renumber --dry-run") +
        "\nFiles are copied byte for byte and never replace a file: a name or an ADR number already in\nplan/decisions/ is skipped and said so. With --renumber such a file gets the next free number\ninstead (renumbered 0003 → 0012) in its name, title and `number:`, and the links between the\nimported files (`0003-x.md`, `ADR-3`, `supersedes: 3`) are rewritten to match, every other byte\nkept. Index pages and templates (README.md, template.md) are skipped, and so are symbolic links\nand pipes: only regular files are read. What was imported is linted at once, as `paraplan\nvalidate` would.",
    )
    .action(async (dir: string, opts: { dryRun?: boolean; renumber?: boolean }, cmd: Command) => {
      const { importDecisions } = await import("./commands/import-decisions.js");
      tools.setCode(await importDecisions(tools.context(cmd), dir, { dryRun: opts.dryRun ?? false, renumber: opts.renumber ?? false }));
    });
};

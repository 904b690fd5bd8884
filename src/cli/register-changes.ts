import { Option, type Command } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";

/** `diff`, `amend`, `handoff`: what a change of the plan means, and the prompts that tell running agents about it. */
export const registerChanges: Registrar = (program: Command, tools: RegisterTools) => {
  program
    .command("diff")
    .argument("[rev]", "the older revision of the plan (a commit, branch or tag)", "HEAD")
    .argument("[rev2]", "the newer revision; the working tree when left out")
    .description("what a plan change means between two git revisions: records, fields, file owners, schedule, conflicts and prompts")
    .addOption(new Option("--format <format>", "text for a terminal, markdown for a pull-request comment, json for scripts").choices(["text", "markdown", "json"]).default("text"))
    .option("--json", "the same as --format json")
    .addHelpText(
      "after",
      tools.examples("paraplan diff", "paraplan diff HEAD~3", "paraplan diff main feature --format markdown > comment.md", "paraplan diff v1 v2 --json | jq .schedule.makespan") +
        "\nThe older revision is read from git (ls-tree and cat-file), never checked out. Records are\nmatched by file, then by id: the same file or name with a new id is a rename. Exit 0 whether\nor not anything changed; 2 for an unknown revision or a plan outside git.",
    )
    .action(async (rev: string, rev2: string | undefined, opts: { format: "text" | "markdown" | "json"; json?: boolean }, cmd: Command) => {
      const { diff } = await import("./commands/diff.js");
      tools.setCode(await diff(tools.context(cmd), rev, rev2, { format: opts.json ? "json" : opts.format }));
    });
};

import { Option, type Command } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";
import { CliError, EXIT } from "./exit-codes.js";

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

  program
    .command("amend")
    .argument("[id]", "the workstream, e.g. TD3 (a renamed one's old id works too)")
    .description("a short prompt for the agent already working on a workstream: only what changed for it since its prompt was delivered")
    .option("--since <rev>", "compare with this revision of the plan instead of the one its delivery recorded")
    .option("--all", "write one amendment per affected workstream to out/amendments/ and list the unaffected ones")
    .addHelpText(
      "after",
      tools.examples("paraplan amend TD3", "paraplan amend TD3 --since HEAD~2 | pbcopy", "paraplan amend --all", "paraplan amend --all --since main") +
        "\nWithout --since, the revision is the one `paraplan prompt TD3 --mark-delivered` (or `worktrees`)\nrecorded in plan/.paraplan/delivered.json. The amendment names new or dropped dependencies\n(and whether they are merged), files to leave alone or now free to edit, a new wave or merge day,\nnew or changed gates, superseded decisions and what replaces them, and new days, then says\nwhat still holds. When nothing changed for the workstream it says so (exit 0) and prints nothing\nelse. out/amendments/ is not compared by `check`.",
    )
    .action(async (id: string | undefined, opts: { since?: string; all?: boolean }, cmd: Command) => {
      const { amend, amendAll } = await import("./commands/amend.js");
      const context = tools.context(cmd);
      const options = opts.since !== undefined ? { since: opts.since } : {};
      if (opts.all && id !== undefined) throw new CliError("give a workstream id or --all, not both", EXIT.usage);
      if (!opts.all && id === undefined) throw new CliError("name a workstream (paraplan amend TD3) or pass --all", EXIT.usage);
      tools.setCode(opts.all ? await amendAll(context, options) : await amend(context, id!, options));
    });

  program
    .command("handoff")
    .argument("<id>", "the workstream, e.g. TD3")
    .description("the opening prompt for a fresh session taking a workstream over: its prompt in short, what its branch and progress.md show, what changed since")
    .addHelpText(
      "after",
      tools.examples("paraplan handoff TD3", "paraplan handoff TD3 | pbcopy") +
        "\nIt says what the branch holds against its base (commits, diff stat, uncommitted files in the\nworktree), which deliverables name files the branch changed, the worktree's progress.md\n(Status, Done, Next, Blockers, Gates), and what changed in the plan for the workstream since\nits prompt was delivered (plan/.paraplan/delivered.json).",
    )
    .action(async (id: string, _opts: object, cmd: Command) => {
      const { handoff } = await import("./commands/handoff.js");
      tools.setCode(await handoff(tools.context(cmd), id));
    });
};

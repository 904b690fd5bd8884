import { Command, Option } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";
import type { AuditFormat } from "./commands/audit.js";

/** `audit` and `forecast`: what the branches really changed against the plan's ownership, and how each wave's merges will go. */
export const registerAudit: Registrar = (program: Command, tools: RegisterTools) => {
  program
    .command("audit")
    .argument("[ids...]", "workstream ids (default: every workstream)")
    .description("compare each workstream branch's real changes (committed, and uncommitted in its worktree) with its owns/touches: trespasses, undeclared files, declared files untouched")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "sarif"]).default("text"))
    .addHelpText(
      "after",
      tools.examples("paraplan audit", "paraplan audit TD1 TD3", "paraplan audit --format github", "paraplan audit --format sarif > paraplan.sarif") +
        "\nA branch's changes are `git diff <merge-base>...<branch>` from the base the execution model\ngives it, plus what is uncommitted in the worktree that has it checked out; a rename counts\nfor both paths. A file it changes that another workstream owns is a trespass (with the\n`paraplan add` command that declares it); a file no workstream owns that it does not declare\nis undeclared; a declared file it has not changed is noted. Branches not created yet are listed.\nExit codes: 0 no trespass, 1 a trespass (or plan errors), 2 bad usage (unknown id, no repository).",
    )
    .action(async (ids: string[], opts: { format: AuditFormat }, cmd: Command) => {
      const { audit } = await import("./commands/audit.js");
      tools.setCode(await audit(tools.context(cmd), ids, { format: opts.format }));
    });

  program
    .command("forecast")
    .argument("[wave]", "a wave number (default: every wave in turn, each on top of the last)")
    .description(
      "simulate each wave's merges in the planned order with git merge-tree (no checkout, no ref or index changed): conflicting files, their hunks, who they collide with, and an order that conflicts less",
    )
    .option("--json", "the forecast as JSON, for scripts")
    .option("--gates", "also run each wave's gate commands on its simulated result, in a temporary detached worktree removed afterwards")
    .addHelpText(
      "after",
      tools.examples("paraplan forecast", "paraplan forecast 2", "paraplan forecast 2 --gates", "paraplan forecast --json | jq '.waves[].conflicts'") +
        "\nEach wave starts from its `from` (the previous wave's integration branch, or the base) when it\nexists, else from the base; without a wave, each wave starts where the simulated previous one\nended. A conflicting merge is carried forward with the earlier side of each conflicting file.\n--gates runs the gates' shell commands (as the execution plan lists them) in that tree.\nExit codes: 0 forecast made (conflicts or not), 1 a gate failed or plan errors, 2 bad usage (unknown wave, no repository).",
    )
    .action(async (wave: string | undefined, opts: { json?: boolean; gates?: boolean }, cmd: Command) => {
      const { forecast } = await import("./commands/forecast.js");
      tools.setCode(await forecast(tools.context(cmd), wave, { json: opts.json ?? false, gates: opts.gates ?? false }));
    });
};

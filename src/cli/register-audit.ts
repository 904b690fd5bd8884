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
};

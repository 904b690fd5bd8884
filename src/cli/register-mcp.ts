import type { Command } from "commander";
import type { GlobalOptions } from "./context.js";
import type { Registrar, RegisterTools } from "./register-tools.js";

/** A command group (`import`) that another feature may have created already: shared, not created twice. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `mcp`: the plan as a Model Context Protocol server for coding agents; `import agents`: their subagent files as agent records. */
export const registerMcp: Registrar = (program: Command, tools: RegisterTools) => {
  program
    .command("mcp")
    .description("serve the plan to coding agents over stdio (Model Context Protocol): their prompt, dependencies, file owners, progress and status")
    .addHelpText(
      "after",
      tools.examples("paraplan mcp", "paraplan mcp --plan ../main/plan", "claude mcp add paraplan -- npx paraplan mcp") +
        "\nStarted by an agent's MCP configuration, in the agent's worktree: the plan is read from the\nrepository's main checkout (git rev-parse --git-common-dir), never from the worktree's own copy,\nand the calling workstream is the one whose branch is checked out. Tools: my_workstream,\nplan_overview, workstream, decision, dependencies, who_owns, validate, report_progress (writes\nprogress.md in the worktree), set_status (writes the record, as `paraplan set`). Resources:\nparaplan://plan, paraplan://prompts/<ID>, paraplan://adr/<n>. Only protocol messages go to stdout.",
    )
    .action(async (_opts: object, cmd: Command) => {
      const { mcp } = await import("./commands/mcp.js");
      tools.setCode(await mcp(cmd.optsWithGlobals<GlobalOptions>(), tools.io));
    });

  group(program, "import", "bring existing records into the plan")
    .command("agents")
    .argument("[dir]", "the folder of Claude Code subagent files (default: .claude/agents at the project root)")
    .description("turn Claude Code subagent files (.claude/agents/*.md) into agent records in plan/agents/")
    .option("--dry-run", "print the records that would be created, and write nothing")
    .addHelpText(
      "after",
      tools.examples("paraplan import agents", "paraplan import agents ~/.claude/agents --dry-run") +
        "\nEach file's `name` becomes the agent's id, its `description`, `tools` and `model` the record's\nfields, and its prompt the record's Role (headings moved two levels down). Subagent files paraplan\ngenerated, and agents the plan has already, are skipped and said so; no file is replaced.",
    )
    .action(async (dir: string | undefined, opts: { dryRun?: boolean }, cmd: Command) => {
      const [{ importAgents }, { systemToday }] = await Promise.all([import("./commands/import-agents.js"), import("./system-today.js")]);
      tools.setCode(await importAgents(tools.context(cmd), dir, { dryRun: opts.dryRun ?? false, force: false }, systemToday()));
    });
};

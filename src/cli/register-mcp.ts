import type { Command } from "commander";
import type { GlobalOptions } from "./context.js";
import type { Registrar, RegisterTools } from "./register-tools.js";

/** `mcp`: the plan as a Model Context Protocol server for coding agents. */
export const registerMcp: Registrar = (program: Command, tools: RegisterTools) => {
  program
    .command("mcp")
    .description("serve the plan to coding agents over stdio (Model Context Protocol): their prompt, dependencies, file owners, progress and status")
    .addHelpText(
      "after",
      tools.examples("claude mcp add paraplan -- npx paraplan mcp", "paraplan mcp --plan ../main/plan") +
        "\nStarted by an agent's MCP configuration, in the agent's worktree: the plan is read from the\nrepository's main checkout (git rev-parse --git-common-dir), never from the worktree's own copy,\nand the calling workstream is the one whose branch is checked out. Tools: my_workstream,\nplan_overview, workstream, decision, dependencies, who_owns, validate, report_progress (writes\nprogress.md in the worktree), set_status (writes the record, as `paraplan set`). Resources:\nparaplan://plan, paraplan://prompts/<ID>, paraplan://adr/<n>. Only protocol messages go to stdout.",
    )
    .action(async (_opts: object, cmd: Command) => {
      const { mcp } = await import("./commands/mcp.js");
      tools.setCode(await mcp(cmd.optsWithGlobals<GlobalOptions>(), tools.io));
    });
};

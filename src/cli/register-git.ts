import { Command, Option } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";
import { systemToday } from "./system-today.js";

/** `worktrees`, `worktrees remove`, `status`: the plan meets the git repository it is carried out in. */
export const registerGit: Registrar = (program: Command, tools: RegisterTools) => {
  const worktrees = program
    .command("worktrees")
    .usage("[ID...] [--dry-run] [--update-prompts] | remove [ID...] [--force] [--dry-run]")
    .argument("[ids...]", "the workstreams (default: every one)")
    .description("create each workstream's git worktree and branch from the base the execution model gives it, with its untracked files and its prompt")
    .addOption(new Option("--dry-run", "print the git commands it would run (shell-quoted) and change nothing"))
    .option("--update-prompts", "rewrite PROMPT.md in worktrees already there when the plan's prompt differs")
    .addHelpText(
      "after",
      tools.examples("paraplan worktrees --dry-run", "paraplan worktrees", "paraplan worktrees TD2 TD4", "paraplan worktrees --update-prompts", "paraplan worktrees remove --dry-run") +
        "\nEach worktree goes where the workstream's `worktree` says (resolved from the main checkout), and\nnever outside the folder the project's worktree_pattern puts worktrees in. Its branch starts\nfrom the base the execution model gives it (the base branch, an earlier wave's integration\nbranch, or a same-wave dependency's branch); a workstream whose base is not there yet is listed\nwith what it waits for: run again after the merge. The merges the model asks for before work\nstarts are printed, not run. Untracked files named in .worktreeinclude (git's ignore syntax)\nare copied in, and the prompt is written to PROMPT.md, kept out of commits by info/exclude.\nIt is safe to run again: a worktree already on its branch is left alone, and a worktree on\nanother branch or a branch without a worktree is reported, never replaced (exit 1). A stale\nPROMPT.md in a worktree already there is reported; --update-prompts rewrites it.",
    )
    .action(async (ids: string[], opts: { dryRun?: boolean; updatePrompts?: boolean }, cmd: Command) => {
      const { worktrees: run } = await import("./commands/worktrees.js");
      tools.setCode(await run(tools.context(cmd), ids, { dryRun: opts.dryRun ?? false, updatePrompts: opts.updatePrompts ?? false }));
    });

  worktrees
    .command("remove")
    .argument("[ids...]", "the workstreams (default: every merged one)")
    .description("remove the worktrees of merged workstreams (or those named), then prune; branches are kept")
    .option("--force", "remove a worktree even with uncommitted files or commits its merge target lacks")
    .addOption(new Option("--dry-run", "print the git commands it would run (shell-quoted) and change nothing"))
    .addHelpText(
      "after",
      tools.examples("paraplan worktrees remove --dry-run", "paraplan worktrees remove", "paraplan worktrees remove TD2 --force") +
        "\nA worktree with uncommitted files, or whose branch has commits that neither its wave's\nintegration branch nor the base branch has, is refused (exit 1) unless --force.",
    )
    .action(async (ids: string[], _opts: object, cmd: Command) => {
      // `worktrees` has a --dry-run of its own, which commander gives the parent: read both.
      const opts = cmd.optsWithGlobals<{ force?: boolean; dryRun?: boolean }>();
      const { removeWorktreesCommand } = await import("./commands/worktrees.js");
      tools.setCode(await removeWorktreesCommand(tools.context(cmd), ids, { force: opts.force ?? false, dryRun: opts.dryRun ?? false }));
    });

  program
    .command("status")
    .description("one table of every workstream: worktree, branch, commits ahead and behind, uncommitted files, last commit, progress.md, planned vs actual, stale prompts")
    .option("--json", "print the status as JSON (the shape the README documents)")
    .option("--watch", "print it again whenever it changes (looks every 2 s) until stopped")
    .option("--today <date>", "take this date (YYYY-MM-DD) as today for planned vs actual")
    .addHelpText(
      "after",
      tools.examples("paraplan status", "paraplan status --json", "paraplan status --watch") +
        "\nIt reads the repository and each worktree's progress.md (its Status: and Blockers: lines); it\nnever fetches and changes nothing. Ahead counts the branch's commits not in its base; behind,\nthe commits of its merge target (its wave's integration branch, else what that is made from)\nthe branch lacks. A prompt is out of date when the worktree's PROMPT.md differs from what the\nplan renders now.",
    )
    .action(async (opts: { json?: boolean; watch?: boolean; today?: string }, cmd: Command) => {
      const { status } = await import("./commands/status.js");
      const options = { json: opts.json ?? false, watch: opts.watch ?? false, ...(opts.today !== undefined ? { today: opts.today } : {}) };
      tools.setCode(await status(tools.context(cmd), options, systemToday, tools.io.waitForStop()));
    });
};

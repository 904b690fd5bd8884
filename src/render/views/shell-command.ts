import { quote as shellQuote } from "shell-quote";

/** Quotes words for a POSIX shell, so a plan value (a worktree, a branch) can never run as a command in a pasted block. */
export function quote(words: readonly string[]): string {
  return shellQuote([...words]);
}

/** A shell command template: every interpolated value is quoted as one word; the literal parts are kept. */
export function sh(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? shellQuote([values[i]!]) : ""), "");
}

/** The command that starts an agent's session in a worktree, unless the project's `agent_command` names another. */
const AGENT_COMMAND = "claude";

/** The project's agent command, written as the project wrote it (a command of the user's, like a gate's). */
export function agentCommand(project: { agentCommand?: string }): string {
  return project.agentCommand?.trim() || AGENT_COMMAND;
}

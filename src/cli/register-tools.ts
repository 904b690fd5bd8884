import type { Command, Option } from "commander";
import type { CommandContext } from "./context.js";
import type { ExitCode } from "./exit-codes.js";

/** The process-facing parts a run needs, passed in so tests can run the CLI in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the user asks a long-running command (watch) to stop. */
  waitForStop(): Promise<void>;
}

/** What a group of commands needs to register itself: see `register-*.ts`. */
export interface RegisterTools {
  /** The command context of a parsed command (global options resolved). */
  context(cmd: Command, requirePlan?: boolean): CommandContext;
  /** Records the exit code of the command that ran. */
  setCode(code: ExitCode): void;
  io: CliIO;
  /** `--format text|json|github`. */
  formatOption(): Option;
  /** The "Examples:" block every command's help ends with. */
  examples(...lines: string[]): string;
}

/**
 * A group of commands that registers itself on the program (one file per feature keeps program.ts small). Registrars
 * import this module, never `program.ts`: the program imports them through `command-table.ts`, so there is no cycle.
 */
export type Registrar = (program: Command, tools: RegisterTools) => void;

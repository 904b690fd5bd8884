/** The CLI's exit codes and its own failures; every typed error lives in `diagnostics/errors.ts`. */
import { ParaplanError, type ExitCode } from "../diagnostics/errors.js";

export { EXIT, type ExitCode } from "../diagnostics/errors.js";

/** A failure a command reports to the user with its exit code, instead of a stack trace. */
export class CliError extends ParaplanError {
  constructor(message: string, exitCode: ExitCode, hint?: string) {
    super(message, exitCode, hint);
  }
}

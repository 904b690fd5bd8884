/** Exit codes, the same for every command (documented in the README). */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The plan has errors, or `out/` is stale. */
  invalid: 1,
  /** Bad usage: unknown command or option, missing argument, an output folder among the plan or templates. */
  usage: 2,
  /** A file system error: a folder missing, a file that cannot be read or written. */
  io: 3,
  /** A bug in paraplan. */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a command reports to the user with its exit code, instead of a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
  }
}

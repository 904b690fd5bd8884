/**
 * The failures that end a command, each with the exit code its kind of failure has and a hint: one module, so every
 * layer can throw them and the CLI reports them in one place, never with a stack trace. (Problems in the plan are
 * diagnostics, collected and reported together; these are what stops a command outright.)
 */

/** Exit codes, the same for every command (documented in the README). */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The plan has errors, `out/` is stale, or a change was refused. */
  invalid: 1,
  /** Bad usage: unknown command or option, missing argument, no plan folder, an output folder among the plan or templates. */
  usage: 2,
  /** A file system error: a folder missing, a file that cannot be read or written. */
  io: 3,
  /** A bug in paraplan. */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a command reports to the user: its message, what to do, and its exit code. */
export class ParaplanError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The plan folder does not exist (a usage problem, not a plan diagnostic). */
export class PlanNotFoundError extends ParaplanError {
  constructor(readonly planDir: string) {
    super(`plan folder not found: ${planDir}`, EXIT.usage, "pass --plan DIR with an existing folder, or run `paraplan init`.");
  }
}

/** A path would lead outside the folder paraplan may use: through `..`, an absolute path, or a symbolic link. */
export class OutsideFolderError extends ParaplanError {
  constructor(
    readonly target: string,
    why: string,
  ) {
    super(`refusing to use ${target}: ${why}`, EXIT.io, "paraplan never reads or writes through a symbolic link leading out of its folder: replace the link with a folder or file inside it.");
  }
}

/** Another paraplan held the output folder for longer than we were willing to wait. */
export class OutputLockedError extends ParaplanError {
  constructor(
    readonly lockFile: string,
    holder: string,
  ) {
    super(`${lockFile} is held by another paraplan (${holder}); if none is running, delete the lock file and try again`, EXIT.io, "check that the path exists and that you may read and write it.");
  }
}

/** A file changed on disk between the time it was read and the time it was to be written: nothing was written. */
export class FileChangedError extends ParaplanError {
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was read; nothing was written`, EXIT.invalid, "Someone (or an editor) saved it meanwhile: run the command again.");
  }
}

/** The file to create exists already: it was not touched. */
export class FileExistsError extends ParaplanError {
  constructor(readonly file: string) {
    super(`${file} exists already; nothing was written`, EXIT.invalid, "Choose another title or id; an existing file is never replaced.");
  }
}

/** Another run is applying a change to the plan right now: nothing was written. */
export class ChangeInProgressError extends ParaplanError {
  constructor(readonly file: string) {
    super(`another paraplan run is changing the plan (${file} exists); nothing was written`, EXIT.invalid, "Wait for it to finish, then run the command again.");
  }
}

/** A git revision that cannot be read: not in a repository, an unknown revision, or one without the plan folder. */
export class RevisionError extends ParaplanError {
  constructor(message: string, hint: string) {
    super(message, EXIT.usage, hint);
  }
}

/** A git ref a command needs (a wave's start, the project's base) is in no branch, tag or commit of the repository. */
export class MissingRefError extends ParaplanError {
  constructor(readonly refs: readonly string[]) {
    super(`none of ${refs.join(", ")} exists in the repository`, EXIT.usage, "Create the base branch (or fix base_branch / base_commit in project.md), then run the command again.");
  }
}

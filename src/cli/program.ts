import { Command, CommanderError, Option } from "commander";
import type { DiagnosticFormat } from "../diagnostics/format.js";
import { resolveContext, type CommandContext, type GlobalOptions } from "./context.js";
import { PlanNotFoundError } from "../io/read-plan.js";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";

/** The process-facing parts a run needs, passed in so tests can run the CLI in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

const VERSION = "0.1.0";

const formatOption = () => new Option("--format <format>", "diagnostics format").choices(["text", "json", "github"]).default("text");

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code; never calls process.exit. */
export async function run(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command("paraplan");
  const context = (cmd: Command, requirePlan = true): CommandContext => resolveContext(cmd.optsWithGlobals<GlobalOptions>(), io, requirePlan);

  program
    .description("A folder of Markdown files as the database of a parallel AI-agent plan: validate, schedule, generate.")
    .version(VERSION, "-V, --version")
    .option("--plan <dir>", "plan folder (default: plan/ found upward from here)")
    .option("--out <dir>", "output folder (default: out/ beside the plan)")
    .option("--templates <dir>", "template folder that overrides the built-in templates")
    .option("-q, --quiet", "print only problems")
    .option("--no-color", "no colours (also NO_COLOR=1, or when output is not a terminal)")
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();

  program
    .command("validate")
    .description("check the plan and report every problem with file:line:column")
    .addOption(formatOption())
    .addHelpText("after", "\nExamples:\n  paraplan validate\n  paraplan validate --plan docs/plan --format github\n\nExit codes: 0 no errors (warnings may be printed), 1 errors, 2 bad usage, 3 file system error.")
    .action(async (opts: { format: DiagnosticFormat }, cmd: Command) => {
      const { validate } = await import("./commands/validate.js");
      code = await validate(context(cmd), opts);
    });

  program
    .command("generate")
    .alias("build")
    .description("render the execution plan, prompts, session logs and ADRs into out/")
    .addOption(formatOption())
    .option("--force", "replace generated files that were edited by hand")
    .addHelpText("after", "\nExamples:\n  paraplan generate\n  paraplan generate --out docs/generated\n\nNothing is written while the plan has errors. Unchanged files are not rewritten; files an\nearlier run generated and this one does not are removed; other files in out/ are never touched.")
    .action(async (opts: { format: DiagnosticFormat; force?: boolean }, cmd: Command) => {
      const { generate } = await import("./commands/generate.js");
      code = await generate(context(cmd), { format: opts.format, force: opts.force ?? false });
    });

  program
    .command("check")
    .description("fail when out/ is not what the plan generates (for CI)")
    .addOption(formatOption())
    .option("--strict", "warnings fail too")
    .addHelpText("after", "\nExamples:\n  paraplan check\n  paraplan check --strict --format github\n\nExit codes: 0 up to date, 1 stale output or plan errors (a short diff of each stale file is printed).")
    .action(async (opts: { format: DiagnosticFormat; strict?: boolean }, cmd: Command) => {
      const { check } = await import("./commands/check.js");
      code = await check(context(cmd), { format: opts.format, strict: opts.strict ?? false });
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Turns any failure into a message and an exit code: usage 2, file system 3, a bug 4. */
function reportError(error: unknown, io: CliIO): ExitCode {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof PlanNotFoundError) {
    io.stderr(`paraplan: ${error.message}\n  hint: pass --plan DIR with an existing folder, or run \`paraplan init\`.\n`);
    return EXIT.usage;
  }
  if (error instanceof CliError) {
    io.stderr(`paraplan: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ""}`);
    return error.exitCode;
  }
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno.code === "string" && typeof errno.syscall === "string") {
    io.stderr(`paraplan: ${errno.message}\n  hint: check that the path exists and that you may read and write it.\n`);
    return EXIT.io;
  }
  const { name, message, stack } = error instanceof Error ? error : { name: "Error", message: String(error), stack: undefined };
  io.stderr(`paraplan: internal error: ${name}: ${message}\n${stack ? `${stack.split("\n").slice(1, 6).join("\n")}\n` : ""}  This is a bug in paraplan. Please report it with the command you ran and the output above.\n`);
  return EXIT.internal;
}

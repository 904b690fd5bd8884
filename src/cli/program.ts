import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { DiagnosticFormat } from "../diagnostics/format.js";
import { resolveContext, type CommandContext, type GlobalOptions } from "./context.js";
import { ParaplanError } from "../diagnostics/errors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { COMMAND_TABLE } from "./command-table.js";
import type { CliIO, RegisterTools } from "./register-tools.js";
import { VERSION } from "../version.js";
import { LIST_KINDS, type ListKind } from "./commands/list-kinds.js";

export type { CliIO, RegisterTools } from "./register-tools.js";

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} takes a whole number of milliseconds.`);
  return n;
}

const formatOption = () => new Option("--format <format>", "diagnostics format").choices(["text", "json", "github"]).default("text");
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;

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
    .option("--no-cache", "do not read or write the cache of parsed files and formatted documents (.paraplan-cache/)")
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();

  const tools: RegisterTools = { context, setCode: (c) => (code = c), io, formatOption, examples };
  program
    .command("init")
    .argument("[dir]", "folder to create plan/ in", ".")
    .description("create a plan/ folder with one example of each record kind")
    .addHelpText("after", examples("paraplan init", "paraplan init my-project && cd my-project && paraplan generate") + "\nNothing is written when DIR/plan already exists and is not empty.")
    .action(async (dir: string, _opts: object, cmd: Command) => {
      const { init } = await import("./commands/init.js");
      const { systemToday } = await import("./system-today.js");
      code = await init(context(cmd, false), dir, systemToday());
    });

  program
    .command("validate")
    .description("check the plan and report every problem with file:line:column")
    .addOption(formatOption())
    .addHelpText(
      "after",
      examples("paraplan validate", "paraplan validate --plan docs/plan --format github") + "\nExit codes: 0 no errors (warnings may be printed), 1 errors, 2 bad usage, 3 file system error.",
    )
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
    .addHelpText(
      "after",
      examples("paraplan generate", "paraplan generate --out docs/generated") +
        "\nNothing is written while the plan has errors. Unchanged files are not rewritten; files an\nearlier run generated and this one does not are removed; other files in out/ are never touched.",
    )
    .action(async (opts: { format: DiagnosticFormat; force?: boolean }, cmd: Command) => {
      const { generate } = await import("./commands/generate.js");
      code = await generate(context(cmd), { format: opts.format, force: opts.force ?? false });
    });

  program
    .command("check")
    .description("fail when out/ is not what the plan generates (for CI)")
    .addOption(formatOption())
    .option("--strict", "warnings fail too")
    .option("--allow-extra", "do not report files in out/ that the plan does not generate")
    .addHelpText(
      "after",
      examples("paraplan check", "paraplan check --strict --format github") +
        "\nExit codes: 0 up to date, 1 stale output, files in out/ the plan does not generate (unless\n--allow-extra), or plan errors (a short diff of each stale file is printed).",
    )
    .action(async (opts: { format: DiagnosticFormat; strict?: boolean; allowExtra?: boolean }, cmd: Command) => {
      const { check } = await import("./commands/check.js");
      code = await check(context(cmd), { format: opts.format, strict: opts.strict ?? false, allowExtra: opts.allowExtra ?? false });
    });

  program
    .command("watch")
    .description("regenerate out/ on every change to the plan or the templates")
    .option("--force", "replace generated files that were edited by hand")
    .addOption(new Option("--debounce <ms>", "wait this long after the last change").default(150).argParser((v) => positiveInt(v, "--debounce")))
    .addHelpText(
      "after",
      examples("paraplan watch", "paraplan watch --plan docs/plan --debounce 500") +
        "\nAn invalid plan prints its diagnostics and the watch goes on; a plan folder moved away or deleted is\nwaited for, and watched again when it is back. Stop with Ctrl-C (exit 0); exit 2 when there is no plan folder.",
    )
    .action(async (opts: { force?: boolean; debounce: number }, cmd: Command) => {
      const { watch } = await import("./commands/watch.js");
      code = await watch(context(cmd), { force: opts.force ?? false, debounceMs: opts.debounce }, io.waitForStop());
    });

  program
    .command("schedule")
    .description("print the computed timeline, critical path, speed-up, waves and file conflicts")
    .option("--json", "the same figures as JSON, for scripts")
    .addHelpText("after", examples("paraplan schedule", "paraplan schedule --json | jq .schedule.withWaves.high.makespan"))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { schedule } = await import("./commands/schedule.js");
      code = await schedule(context(cmd), { json: opts.json ?? false });
    });

  program
    .command("prompt")
    .argument("<id>", "workstream id, e.g. TD2")
    .description("print a workstream's prompt, byte-identical to its file in out/prompts/")
    .option("--copy", "put it on the clipboard instead")
    .option("--mark-delivered", "record in plan/.paraplan/delivered.json that its agent received this prompt (the plan's commit and the prompt's version stamp), for `amend`")
    .addHelpText("after", examples("paraplan prompt TD2", "paraplan prompt TD2 --copy", "paraplan prompt TD2 | pbcopy", "paraplan prompt TD2 --copy --mark-delivered"))
    .action(async (id: string, opts: { copy?: boolean; markDelivered?: boolean }, cmd: Command) => {
      const { prompt } = await import("./commands/prompt.js");
      code = await prompt(context(cmd), id, { copy: opts.copy ?? false, markDelivered: opts.markDelivered ?? false });
    });

  program
    .command("export")
    .description("print the whole model, schedule included, as JSON (with a schema version)")
    .option("--json", "JSON output (the only format, and the default)")
    .addHelpText("after", examples("paraplan export > plan.json", "paraplan export | jq '.plan.workstreams[].id'"))
    .action(async (_opts: object, cmd: Command) => {
      const { exportJson } = await import("./commands/export.js");
      code = await exportJson(context(cmd));
    });

  program
    .command("list")
    .addArgument(new Argument("<kind>", "what to list").choices(LIST_KINDS))
    .description("list workstreams, decisions, risks, sessions, agents, waves or gates as a table")
    .option("--status <status>", "only records with this status (e.g. proposed); an unknown status is refused, listing the valid ones")
    .option("--json", "JSON output: typed values, camelCase keys (as export)")
    .addHelpText("after", examples("paraplan list workstreams", "paraplan list decisions --status proposed", "paraplan list waves --json"))
    .action(async (kind: ListKind, opts: { status?: string; json?: boolean }, cmd: Command) => {
      const { list } = await import("./commands/list.js");
      code = await list(context(cmd), kind, { json: opts.json ?? false, ...(opts.status !== undefined ? { status: opts.status } : {}) });
    });

  const templates = program.command("templates").description("work with the Handlebars templates");
  templates
    .command("eject")
    .argument("[name]", "one template, e.g. prompt.md (default: all)")
    .description("copy built-in templates into your template folder (--templates, or templates/ beside the plan) for editing")
    .addHelpText(
      "after",
      examples("paraplan templates eject prompt.md", "paraplan templates eject --templates my-templates") + "\nExisting files are never overwritten. Your copies override the built-ins by file name.",
    )
    .action(async (name: string | undefined, _opts: object, cmd: Command) => {
      const { ejectTemplates } = await import("./commands/templates.js");
      code = await ejectTemplates(context(cmd), name);
    });

  // Command groups added by later features register here, each from its own file.
  for (const register of COMMAND_TABLE) register(program, tools);

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
  // Every typed failure (diagnostics/errors.ts) carries its message, hint and exit code.
  if (error instanceof ParaplanError) {
    io.stderr(`paraplan: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ""}`);
    return error.exitCode;
  }
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno.code === "string" && typeof errno.syscall === "string") {
    // Some system errors (EISDIR from a read) do not say which path they concern.
    const where = typeof errno.path === "string" && !errno.message.includes(errno.path) ? ` (${errno.path})` : "";
    io.stderr(`paraplan: ${errno.message}${where}\n  hint: check that the path exists and that you may read and write it.\n`);
    return EXIT.io;
  }
  const { name, message, stack } = error instanceof Error ? error : { name: "Error", message: String(error), stack: undefined };
  io.stderr(
    `paraplan: internal error: ${name}: ${message}\n${stack ? `${stack.split("\n").slice(1, 6).join("\n")}\n` : ""}  This is a bug in paraplan. Please report it with the command you ran and the output above.\n`,
  );
  return EXIT.internal;
}

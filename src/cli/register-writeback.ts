import { Command, Option } from "commander";
import type { Registrar, RegisterTools } from "./register-tools.js";
import type { WriteOptions } from "./commands/apply-changes.js";
import { systemToday } from "./system-today.js";

const dryRunOption = () => new Option("--dry-run", "print the change as a unified diff and write nothing");
const forceOption = () => new Option("--force", "write even when the change gives the plan new errors");
const writeOptions = (opts: { dryRun?: boolean; force?: boolean }): WriteOptions => ({ dryRun: opts.dryRun ?? false, force: opts.force ?? false });

const GUARANTEES =
  "\nOnly the bytes of the changed value are rewritten; the rest of the file stays as it was.\nThe value is checked first, a file changed meanwhile is not written (exit 1), and the\nplan is validated again afterwards (exit 1 when it has errors).";

/** A command group (`decision`, `session`) that another feature may have created already: shared, not created twice. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `new`, `set`, `add`, `remove`, `decision supersede`, `session new`: commands that change the plan's files. */
export const registerWriteback: Registrar = (program: Command, tools: RegisterTools) => {
  const context = (cmd: Command) => tools.context(cmd);
  const setCode = (code: Parameters<RegisterTools["setCode"]>[0]) => tools.setCode(code);
  const examples = (...lines: string[]) => tools.examples(...lines);
  const today = systemToday;

  program
    .command("new")
    .usage('<kind> "<title>" [--field value ...] [options]')
    .argument("<kind>", "workstream, decision, risk, session or agent")
    .argument("<title>", "the record's name or title")
    .description("create a record file from a template, valid at once, with the next free id or ADR number")
    .option("--id <id>", "the id (or ADR number) instead of the next free one")
    .option("--date <date>", "the date of a decision or session instead of today (YYYY-MM-DD)")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      "after",
      examples(
        'paraplan new workstream "Search Index" --days 2 --agent python-pro --depends-on TD2',
        'paraplan new decision "Use SQLite for the cache"',
        'paraplan new risk "Vendor API changes" --severity high --dry-run',
      ) +
        "\nAny field of the kind can be given as --field value (--depends-on TD1,TD2). Ids continue the\ncollection's most common prefix (TD5 after TD4); ADRs get the next number. An existing file\nis never replaced.",
    )
    .action(async (_kind: string, _title: string, opts: { id?: string; date?: string; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { createRecord } = await import("./commands/create-record.js");
      const options = { ...writeOptions(opts), ...(opts.id !== undefined ? { id: opts.id } : {}), ...(opts.date !== undefined ? { date: opts.date } : {}) };
      setCode(await createRecord(context(cmd), cmd.args, options, today));
    });

  program
    .command("set")
    .argument("<ref>", "the record: TD2, R1, ADR-3, an agent or gate id, wave-2, a session date, project")
    .argument("<field>", "the field, e.g. status")
    .argument("<value>", "the new value")
    .description("change one field of a record where it is written (front matter, title, key-value line, section or table cell)")
    .option("--replace", "replace every entry of a list field that has entries (otherwise refused: use add or remove)")
    .option("--rename-branch", "let a new name, id or slug move the workstream's derived branch and worktree (by default the old ones are written into the record)")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText(
      "after",
      examples("paraplan set TD2 status merged", "paraplan set ADR-3 status accepted", "paraplan set R1 status mitigated --dry-run", "paraplan set TD3 depends_on TD1,TD2 --replace") + GUARANTEES,
    )
    .action(async (ref: string, field: string, value: string, opts: { replace?: boolean; renameBranch?: boolean; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { changeField } = await import("./commands/change-field.js");
      setCode(await changeField(context(cmd), ref, { op: "set", field, value, replace: opts.replace ?? false }, { ...writeOptions(opts), renameBranch: opts.renameBranch ?? false }));
    });

  program
    .command("add")
    .argument("<ref>", "the record: TD2, R1, ADR-3, an agent or gate id, wave-2, a session date, project")
    .argument("<list-field>", "a list field, e.g. depends_on or deliverables")
    .argument("<item>", "the entry to append")
    .description("append an entry to a list field, in front matter ([a, b] or - lines), a key-value line, a table cell or a section")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText("after", examples("paraplan add TD3 depends_on TD4", 'paraplan add R1 mitigation "Pair on TD2 for the first day."', "paraplan add wave-2 workstreams WS1 --dry-run") + GUARANTEES)
    .action(async (ref: string, field: string, item: string, opts: { dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { changeField } = await import("./commands/change-field.js");
      setCode(await changeField(context(cmd), ref, { op: "add", field, item }, writeOptions(opts)));
    });

  program
    .command("remove")
    .argument("<ref>", "the record: TD2, R1, ADR-3, an agent or gate id, wave-2, a session date, project")
    .argument("<list-field>", "a list field, e.g. depends_on or deliverables")
    .argument("<item>", "the entry to remove, as it reads (`paraplan export` shows the entries)")
    .description("remove one entry from a list field, wherever it is written: the counterpart of add")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText("after", examples("paraplan remove TD3 depends_on TD4", 'paraplan remove project goals "Ship the beta."', "paraplan remove wave-2 workstreams WS1 --dry-run") + GUARANTEES)
    .action(async (ref: string, field: string, item: string, opts: { dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { changeField } = await import("./commands/change-field.js");
      setCode(await changeField(context(cmd), ref, { op: "remove", field, item }, writeOptions(opts)));
    });

  group(program, "decision", "work with architecture decision records")
    .command("supersede")
    .argument("<old>", "the ADR that is replaced: 2, 0002 or ADR-2")
    .requiredOption("--by <new>", "the ADR that replaces it")
    .description("mark an ADR as superseded by another: both files are updated together (status and links)")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText(
      "after",
      examples("paraplan decision supersede 2 --by 4", "paraplan decision supersede ADR-2 --by ADR-4 --dry-run") +
        "\nThe old ADR gets status superseded and superseded_by (or, when its status is written as text,\n`Superseded by [4. Title](0004-title.md)`); the new one lists the old in supersedes.",
    )
    .action(async (old: string, opts: { by: string; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { supersedeDecision } = await import("./commands/supersede-decision.js");
      setCode(await supersedeDecision(context(cmd), old, opts.by, writeOptions(opts)));
    });

  group(program, "session", "work with session logs")
    .command("new")
    .argument("[title]", "the session's title (default: Progress)")
    .description("start today's session log, pre-filled with the open priorities of the last session and the open risks")
    .option("--date <date>", "the session's date instead of today (YYYY-MM-DD)")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText("after", examples("paraplan session new", 'paraplan session new "Wave 1 merge" --date 2025-10-17'))
    .action(async (title: string | undefined, opts: { date?: string; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { sessionNew } = await import("./commands/session-new.js");
      setCode(await sessionNew(context(cmd), title, { ...writeOptions(opts), ...(opts.date !== undefined ? { date: opts.date } : {}) }, today));
    });

  group(program, "session", "work with session logs")
    .command("freeze")
    .argument("<session>", "the session: its date, or date and slug")
    .description("write the plan as it stands (figures, workstreams, waves, ADR and risk statuses) into a session log, so its generated log no longer follows the plan")
    .addOption(dryRunOption())
    .addOption(forceOption())
    .addHelpText("after", examples("paraplan session freeze 2025-10-16", "paraplan session freeze 2025-10-16 --dry-run"))
    .action(async (session: string, opts: { dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const { sessionFreeze } = await import("./commands/session-freeze.js");
      setCode(await sessionFreeze(context(cmd), session, writeOptions(opts)));
    });
};

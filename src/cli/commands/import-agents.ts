import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { readPlanForWrite } from "../../io/write-record.js";
import { subagentFileState } from "../../render/subagent-file.js";
import { subagentRequest } from "../../writeback/subagent-import.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import type { WriteOptions } from "./apply-changes.js";
import { writeNewRecord } from "./create-record.js";

/**
 * `paraplan import agents [DIR]`: each Claude Code subagent file (`.claude/agents/*.md` by default) becomes an agent
 * record, through the same code as `paraplan new agent`. Files paraplan generated from the plan, and subagents the
 * plan has already, are skipped and said so.
 */
export async function importAgents(context: CommandContext, dir: string | undefined, options: WriteOptions, today: string): Promise<ExitCode> {
  const folder = dir !== undefined ? path.resolve(context.cwd, dir) : path.join(context.root, ".claude", "agents");
  const names = await readdir(folder).catch(() => {
    throw new CliError(`${shown(context, folder)} is not a folder that can be read`, EXIT.usage, "Name the folder of subagent files, e.g. paraplan import agents .claude/agents");
  });
  let code: ExitCode = EXIT.ok;
  let imported = 0;
  for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
    const file = path.join(folder, name);
    const text = await readFile(file, "utf8");
    if (subagentFileState(text) !== "foreign") {
      context.stderr(`skipped ${shown(context, file)}: paraplan generated it from the plan\n`);
      continue;
    }
    const request = subagentRequest(text, name.slice(0, -".md".length), today);
    if ("problem" in request) {
      context.stderr(`skipped ${shown(context, file)}: ${request.problem}\n`);
      code = EXIT.invalid;
      continue;
    }
    // Read afresh for each file: the one before may have added an agent.
    const snapshot = await readPlanForWrite(context.planDir, context.root, context.settings, { cache: context.cache });
    if (snapshot.plan.agents.some((a) => a.id.toLowerCase() === request.id!.toLowerCase())) {
      context.stderr(`skipped ${shown(context, file)}: the plan has an agent \`${request.id}\` already\n`);
      continue;
    }
    const written = await writeNewRecord(context, snapshot, request, options);
    if (written === EXIT.ok) imported++;
    else code = written;
  }
  if (!context.quiet) context.stderr(`${options.dryRun ? "would import" : "imported"} ${imported} of ${names.filter((n) => n.endsWith(".md")).length} subagent files\n`);
  return code;
}

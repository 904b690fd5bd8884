import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { createRequire } from "node:module";
import type { Paint } from "../diagnostics/format.js";
import { CliError, EXIT } from "./exit-codes.js";
import { checkOutputFolder } from "./output-folder.js";
import type { PlanSettings } from "../model/plan-settings.js";
import { DECISION_STATUSES } from "../schema/record-kinds.js";
import { isWithin } from "../io/inside-folder.js";
import { toPosix } from "../io/posix-path.js";

/** Global options every command accepts. */
export interface GlobalOptions {
  plan?: string;
  out?: string;
  templates?: string;
  quiet?: boolean;
  color?: boolean;
  cache?: boolean;
}

/** What a command runs with: resolved folders, output streams and colours; no hidden globals. */
export interface CommandContext {
  /** The working folder: only what is printed for a person is shown relative to it. */
  cwd: string;
  /** The project root, the folder holding the plan folder: every path stored in the model, outputs and cache is relative to it. */
  root: string;
  planDir: string;
  outDir: string;
  templatesDir?: string;
  quiet: boolean;
  /** False with `--no-cache`: nothing is read from or written to the cache folder. */
  cache: boolean;
  paint: Paint;
  /** The environment the CLI was given (`run(argv, io)`), never `process.env` read behind its back. */
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** How the plan is read and checked (`paraplan.config.json`: a default decision status, severities by code). */
  settings?: PlanSettings;
  /** The files for coding agents `generate` writes too, opted into in `paraplan.config.json` (`"agents"`). */
  agentFiles?: AgentFiles;
}

/** Files for coding agents that `generate` writes beside `out/` when the config asks for them. */
export interface AgentFiles {
  /** A Claude Code subagent file per agent persona, in `.claude/agents/` at the project root. */
  claudeSubagents: boolean;
  /** `worktrees` writes the prompt as `AGENTS.md` and a `CLAUDE.md` that imports it into each worktree, beside PROMPT.md. */
  worktreeFiles?: boolean;
}

/** Settings read from `paraplan.config.json` at the plan's root. */
interface ConfigFile {
  out?: string;
  templates?: string;
  settings?: PlanSettings;
  agentFiles?: AgentFiles;
}

/** Finds `plan/` from the working folder upward, as git finds `.git`. */
function findPlanDir(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, "plan");
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The config file's schema; zod is loaded only when there is a config file, to keep start-up fast. */
function configSchema() {
  const { z } = createRequire(import.meta.url)("zod") as typeof import("zod");
  return {
    z,
    schema: z.strictObject({
      out: z.string().min(1).optional().describe("Output folder, relative to the plan's parent."),
      templates: z.string().min(1).optional().describe("Template folder that overrides the built-ins."),
      decisions: z.strictObject({ defaultStatus: z.enum(DECISION_STATUSES).optional().describe("Status of a decision that writes none.") }).optional(),
      executionPlan: z
        .strictObject({
          pagesAbove: z.number().int().min(1).optional().describe("Beyond this many workstreams, the execution plan moves its per-workstream tables into pages (200)."),
        })
        .optional(),
      severity: z
        .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(["off", "warning", "error"]))
        .optional()
        .describe("Severity by diagnostic code."),
      agents: z
        .strictObject({
          claudeSubagents: z.boolean().optional().describe("Write .claude/agents/<agent>.md for each agent persona."),
          worktreeFiles: z.boolean().optional().describe("Write the prompt as AGENTS.md, and a CLAUDE.md that imports it, into each worktree."),
        })
        .optional()
        .describe("Files for coding agents that generate writes too."),
    }),
  };
}

/** Reads `paraplan.config.json` from the plan folder or its parent; a bad file is a usage error that says what is wrong. */
function readConfig(planDir: string, cwd: string): ConfigFile {
  const root = path.dirname(planDir);
  for (const file of [path.join(planDir, "paraplan.config.json"), path.join(root, "paraplan.config.json")]) {
    if (!existsSync(file)) continue;
    const shownFile = path.relative(cwd, file) || file;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new CliError(`${shownFile}: invalid JSON (${(error as Error).message})`, EXIT.usage, "Fix the config file or remove it.");
    }
    const { z, schema } = configSchema();
    const result = schema.safeParse(parsed);
    if (!result.success)
      throw new CliError(
        `${shownFile}: ${z.prettifyError(result.error).replace(/\n/g, " ")}`,
        EXIT.usage,
        'The config file takes "out" and "templates" (folder paths), "decisions": {"defaultStatus": STATUS}, "executionPlan": {"pagesAbove": N} and "severity": {CODE: "off"|"warning"|"error"} and "agents": {"claudeSubagents": true|false, "worktreeFiles": true|false}; see the README.',
      );
    const config: ConfigFile = {};
    if (result.data.out !== undefined) config.out = result.data.out;
    if (result.data.templates !== undefined) config.templates = result.data.templates;
    const settings: PlanSettings = {};
    if (result.data.decisions?.defaultStatus !== undefined) settings.defaultDecisionStatus = result.data.decisions.defaultStatus;
    if (result.data.severity !== undefined) settings.severity = result.data.severity;
    if (result.data.executionPlan?.pagesAbove !== undefined) settings.planPagesAbove = result.data.executionPlan.pagesAbove;
    if (Object.keys(settings).length > 0) config.settings = settings;
    if (result.data.agents?.claudeSubagents || result.data.agents?.worktreeFiles)
      config.agentFiles = { claudeSubagents: result.data.agents.claudeSubagents ?? false, ...(result.data.agents.worktreeFiles ? { worktreeFiles: true } : {}) };
    return config;
  }
  return {};
}

/** Colours are on for a terminal unless `--no-color` or NO_COLOR says otherwise. */
function paintFor(enabled: boolean): Paint {
  const c = pc.createColors(enabled);
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold };
}

/** Resolves the global options into a command context. */
export function resolveContext(
  options: GlobalOptions,
  io: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean; env: NodeJS.ProcessEnv },
  requirePlan = true,
): CommandContext {
  const planDir = options.plan ? path.resolve(io.cwd, options.plan) : findPlanDir(io.cwd);
  if (!planDir && requirePlan) {
    throw new CliError("no plan/ folder found in this folder or any parent", EXIT.usage, "Run `paraplan init` to create one, or pass --plan DIR.");
  }
  const plan = planDir ?? path.join(io.cwd, "plan");
  const config = planDir && existsSync(planDir) ? readConfig(plan, io.cwd) : {};
  const root = path.dirname(plan);
  const colorAllowed = options.color !== false && !io.env.NO_COLOR && (io.isTTY || "FORCE_COLOR" in io.env);
  // Command-line paths are relative to the working folder; config-file paths to the plan's parent.
  const templatesDir = options.templates
    ? path.resolve(io.cwd, options.templates)
    : config.templates
      ? path.resolve(root, config.templates)
      : existsSync(path.join(root, "templates"))
        ? path.join(root, "templates")
        : undefined;
  const context: CommandContext = {
    cwd: io.cwd,
    root,
    planDir: plan,
    outDir: path.resolve(options.out ? io.cwd : root, options.out ?? config.out ?? "out"),
    quiet: options.quiet ?? false,
    cache: options.cache !== false,
    paint: paintFor(colorAllowed),
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
  };
  if (templatesDir) context.templatesDir = templatesDir;
  checkOutputFolder({ outDir: context.outDir, planDir: plan, templatesDir, origin: options.out ? "flag" : config.out ? "config" : "default", shown: (p) => shown(context, p) });
  if (config.settings) context.settings = config.settings;
  if (config.agentFiles) context.agentFiles = config.agentFiles;
  return context;
}

/** A path for messages: relative to the working folder when inside it. */
export function shown(context: Pick<CommandContext, "cwd">, p: string): string {
  const rel = path.relative(context.cwd, p);
  return toPosix(rel !== "" && isWithin(context.cwd, p) ? rel : p);
}

/** A project-root-relative path (as the model stores it) as a person sees it: relative to the working folder when inside it. */
export function shownFile(context: Pick<CommandContext, "cwd" | "root">, file: string): string {
  if (path.isAbsolute(file)) return shown(context, file);
  // A path outside the working folder stays as the model has it: `../../plan/x.md` helps nobody.
  const abs = path.resolve(context.root, file);
  const rel = path.relative(context.cwd, abs);
  return rel !== "" && isWithin(context.cwd, abs) ? toPosix(rel) : file;
}

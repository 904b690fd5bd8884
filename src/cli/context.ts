import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import type { Paint } from "../diagnostics/format.js";
import { CliError, EXIT } from "./exit-codes.js";

/** Global options every command accepts. */
export interface GlobalOptions {
  plan?: string;
  out?: string;
  templates?: string;
  quiet?: boolean;
  color?: boolean;
}

/** What a command runs with: resolved folders, output streams and colours; no hidden globals. */
export interface CommandContext {
  cwd: string;
  planDir: string;
  outDir: string;
  templatesDir?: string;
  quiet: boolean;
  paint: Paint;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Settings read from `paraplan.config.json` at the plan's root. */
interface ConfigFile {
  out?: string;
  templates?: string;
}

/** Finds `plan/` from the working folder upward, as git finds `.git`. */
export function findPlanDir(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, "plan");
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readConfig(planDir: string): ConfigFile {
  const root = path.dirname(planDir);
  for (const file of [path.join(planDir, "paraplan.config.json"), path.join(root, "paraplan.config.json")]) {
    if (!existsSync(file)) continue;
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
      if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
      return parsed as ConfigFile;
    } catch (error) {
      throw new CliError(`${path.relative(process.cwd(), file)}: invalid JSON (${(error as Error).message})`, EXIT.usage, "Fix the config file or remove it.");
    }
  }
  return {};
}

/** Colours are on for a terminal unless `--no-color` or NO_COLOR says otherwise. */
function paintFor(enabled: boolean): Paint {
  const c = pc.createColors(enabled);
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold };
}

/** Resolves the global options into a command context. */
export function resolveContext(options: GlobalOptions, io: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean; env: NodeJS.ProcessEnv }, requirePlan = true): CommandContext {
  const planDir = options.plan ? path.resolve(io.cwd, options.plan) : findPlanDir(io.cwd);
  if (!planDir && requirePlan) {
    throw new CliError("no plan/ folder found in this folder or any parent", EXIT.usage, "Run `paraplan init` to create one, or pass --plan DIR.");
  }
  const plan = planDir ?? path.join(io.cwd, "plan");
  const config = planDir && existsSync(planDir) ? readConfig(plan) : {};
  const root = path.dirname(plan);
  const colorAllowed = options.color !== false && !io.env.NO_COLOR && (io.isTTY || "FORCE_COLOR" in io.env);
  const templates = options.templates ?? config.templates;
  const templatesDir = templates ? path.resolve(io.cwd, templates) : existsSync(path.join(root, "templates")) ? path.join(root, "templates") : undefined;
  const context: CommandContext = {
    cwd: io.cwd,
    planDir: plan,
    outDir: path.resolve(options.out ? io.cwd : root, options.out ?? config.out ?? "out"),
    quiet: options.quiet ?? false,
    paint: paintFor(colorAllowed),
    stdout: io.stdout,
    stderr: io.stderr,
  };
  if (templatesDir) context.templatesDir = templatesDir;
  return context;
}

/** A path for messages: relative to the working folder when inside it. */
export function shown(context: Pick<CommandContext, "cwd">, p: string): string {
  const rel = path.relative(context.cwd, p);
  return (rel && !rel.startsWith("..") ? rel : p).split(path.sep).join("/");
}

import { VERSION } from "../../version.js";
import { resolveContext, type GlobalOptions } from "../context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIO } from "../register-tools.js";

/**
 * `paraplan mcp`: serves the plan to a coding agent over stdio. The plan is the main checkout's, found from the
 * worktree the agent runs in (a worktree's own `plan/` is a stale copy); `--plan` still names one explicitly. The SDK
 * is loaded here only, so no other command pays for it.
 */
export async function mcp(options: GlobalOptions, io: CliIO): Promise<ExitCode> {
  // The SDK takes the longest to load: it loads while git says where the server runs.
  const serverModule = import("../../mcp/server.js");
  const { findCallingWorktree } = await import("../../mcp/calling-worktree.js");
  const calling = await findCallingWorktree(io.cwd);
  // Everything a person would read goes to stderr: stdout carries only the protocol's messages.
  const context = resolveContext(options, { ...io, cwd: options.plan ? io.cwd : calling.planSearchFrom, stdout: (s) => io.stderr(s), isTTY: false }, true);
  const source = {
    root: context.root,
    planDir: context.planDir,
    outDir: context.outDir,
    cache: context.cache,
    ...(context.templatesDir ? { templatesDir: context.templatesDir } : {}),
    ...(context.settings ? { settings: context.settings } : {}),
  };
  const { serveStdio } = await serverModule;
  await serveStdio({ source, calling, version: VERSION, log: (s) => io.stderr(s) }, io.waitForStop());
  return EXIT.ok;
}

/**
 * `paraplan mcp`: the plan as a Model Context Protocol server over stdio, for coding agents running in the plan's
 * worktrees. Every call reads the plan afresh from the main checkout (see calling-worktree.ts), so an agent always
 * sees the plan as it is now; an invalid plan gives tool errors with its diagnostics, never a crashed server. Each tool
 * loads what it needs when first called (renderers, write-back), so the server answers its first request sooner.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ErrorCode, type CallToolResult, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { summarize } from "../diagnostics/format.js";
import type { LoadedPlan } from "../io/load-plan.js";
import type { Workstream } from "../model/types.js";
import { decisionIndex } from "../model/decision-ref.js";
import { adrPath } from "../model/output-paths.js";
import { WORKSTREAM_STATUSES } from "../schema/record-kinds.js";
import { PROGRESS_KEYS } from "../writeback/progress-lines.js";
import { callingWorkstream } from "./calling-workstream.js";
import type { CallingWorktree } from "./calling-worktree.js";
import { diagnosticsText } from "./diagnostics-text.js";
import { isAdr, loadProject, promptText, renderDocument, type PlanSource } from "./plan-source.js";
import { trackPendingRequests } from "./pending-requests.js";
import { registerPlanResources } from "./resources.js";
import { ToolFailure } from "./tool-failure.js";

/** What the server needs: where the plan is, who calls, and where to log (never stdout, which carries the protocol). */
export interface PlanServerOptions {
  source: PlanSource;
  calling: CallingWorktree;
  version: string;
  log: (text: string) => void;
}

/** A tool's answer as text. */
function answer(...texts: string[]): CallToolResult {
  return { content: texts.map((text) => ({ type: "text" as const, text })) };
}

/** Runs a tool's body; a failure (a ToolFailure's text, or any error's message) becomes an MCP tool error, so the server keeps serving. */
async function guarded(log: (text: string) => void, name: string, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    const text = error instanceof ToolFailure ? error.message : `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof ToolFailure)) log(`paraplan mcp: ${text}\n${error instanceof Error && error.stack ? `${error.stack}\n` : ""}`);
    return { isError: true, content: [{ type: "text", text }] };
  }
}

/** A plan with errors in what a tool needs: the tool fails with the diagnostics. */
function planErrors(loaded: Pick<LoadedPlan, "diagnostics">, what: string): ToolFailure {
  return new ToolFailure(`${what}: the plan has errors (fix them, then ask again):\n${diagnosticsText(loaded.diagnostics.filter((d) => d.severity === "error"))}`);
}

/** A note after an answer read from a plan with errors elsewhere. */
function errorsNote(loaded: Pick<LoadedPlan, "diagnostics">): string[] {
  return hasErrors(loaded.diagnostics) ? [`Note: the plan has errors elsewhere (${summarize(loaded.diagnostics)}); the validate tool lists them.`] : [];
}

/** The longest diff shown when a prompt changed; past it, whole hunks are left out and counted. */
const MAX_AMENDMENT_LINES = 120;

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;
const idInput = z.string().min(1).optional().describe("A workstream id (TD2); by default the workstream whose branch is checked out where the server runs");

/** Builds the server with its tools and resources; `serveStdio` connects it. */
export function createPlanServer(options: PlanServerOptions): McpServer {
  const { source, calling, log } = options;
  const server = new McpServer({ name: "paraplan", version: options.version });
  // What my_workstream last returned, per workstream: to say whether, and how, the prompt changed since.
  const lastPrompt = new Map<string, string>();
  const guard = (name: string, body: () => Promise<CallToolResult>) => guarded(log, name, body);
  // A workstream the plan as read does not have may be one an error hides: then the answer is the plan's errors.
  const workstreamOf = (loaded: LoadedPlan, id?: string): Workstream => {
    try {
      return callingWorkstream(loaded.plan, calling.branch, id);
    } catch (error) {
      if (error instanceof ToolFailure && hasErrors(loaded.diagnostics)) throw planErrors(loaded, error.message);
      throw error;
    }
  };

  server.registerTool(
    "my_workstream",
    {
      title: "My workstream's prompt",
      description:
        "The current prompt of the workstream this worktree belongs to (found by its branch), the same text as `paraplan prompt <ID>`, and whether it changed since this server last returned it.",
      inputSchema: { id: idInput },
      annotations: READ_ONLY,
    },
    ({ id }) =>
      guard("my_workstream", async () => {
        const loaded = await loadProject(source);
        const ws = workstreamOf(loaded, id);
        const rendered = await promptText(source, ws.id);
        if (rendered.text === undefined) throw planErrors(rendered, `the ${ws.id} prompt cannot be rendered`);
        const before = lastPrompt.get(ws.id);
        lastPrompt.set(ws.id, rendered.text);
        if (before === undefined) return answer(`${ws.id} prompt: first read by this server.`, rendered.text, ...errorsNote(rendered));
        if (before === rendered.text) return answer(`${ws.id} prompt: unchanged since this server last returned it.`, rendered.text, ...errorsNote(rendered));
        // The amendment: what changed, as a diff an agent can read at a glance, then the whole prompt as it is now.
        const { unifiedDiffParts } = await import("../writeback/unified-diff.js");
        const { text: diff, omitted } = unifiedDiffParts(`${ws.id}-prompt.md`, before, rendered.text, { maxLines: MAX_AMENDMENT_LINES });
        const amendment = `What changed:\n\n\`\`\`diff\n${diff}\`\`\`\n${omitted > 0 ? `(${omitted} more changed lines: see the whole prompt)\n` : ""}`;
        return answer(`${ws.id} prompt: CHANGED since this server last returned it.`, amendment, rendered.text, ...errorsNote(rendered));
      }),
  );

  server.registerTool(
    "plan_overview",
    {
      title: "Plan overview",
      description: "The plan's figures (makespan, speed-up), waves, critical path, every workstream's status and days, and what can start now.",
      inputSchema: {},
      annotations: READ_ONLY,
    },
    () =>
      guard("plan_overview", async () => {
        const loaded = await loadProject(source);
        const { overviewText } = await import("./overview-text.js");
        return answer(overviewText(loaded.plan, loaded.schedule), ...errorsNote(loaded));
      }),
  );

  server.registerTool(
    "workstream",
    {
      title: "One workstream",
      description: "One workstream record as the schedule sees it: status, agent, dependencies, branch, days, slack, files, goal and deliverables.",
      inputSchema: { id: idInput },
      annotations: READ_ONLY,
    },
    ({ id }) =>
      guard("workstream", async () => {
        const loaded = await loadProject(source);
        const ws = workstreamOf(loaded, id);
        const { workstreamText } = await import("./workstream-text.js");
        return answer(workstreamText(loaded.plan, loaded.schedule, ws), ...errorsNote(loaded));
      }),
  );

  server.registerTool(
    "decision",
    {
      title: "One decision (ADR)",
      description: "One architecture decision record, rendered as its generated document.",
      inputSchema: { ref: z.string().min(1).describe("The ADR: 3, 0003, ADR-3 or its file name") },
      annotations: READ_ONLY,
    },
    ({ ref }) =>
      guard("decision", async () => {
        let missing: string | undefined;
        const rendered = await renderDocument(source, isAdr, (loaded) => {
          const decision = decisionIndex(loaded.plan.decisions).find(ref);
          if (!decision) missing = `no decision \`${ref}\`; the plan has: ${loaded.plan.decisions.map((d) => (d.number !== undefined ? `ADR-${d.number}` : d.id)).join(", ") || "none"}`;
          return decision ? adrPath(decision) : undefined;
        });
        if (missing) throw new ToolFailure(missing);
        if (rendered.text === undefined) throw planErrors(rendered, `decision ${ref} cannot be rendered`);
        return answer(rendered.text);
      }),
  );

  server.registerTool(
    "dependencies",
    {
      title: "What my dependencies deliver",
      description: "For each dependency of a workstream: what it delivers, its status, whether it is merged and where its work is available.",
      inputSchema: { id: idInput },
      annotations: READ_ONLY,
    },
    ({ id }) =>
      guard("dependencies", async () => {
        const loaded = await loadProject(source);
        const ws = workstreamOf(loaded, id);
        const { dependenciesText } = await import("./dependencies-text.js");
        return answer(dependenciesText(loaded.plan, loaded.schedule, ws), ...errorsNote(loaded));
      }),
  );

  server.registerTool(
    "who_owns",
    {
      title: "Who owns a path",
      description: "For a file path or glob: the workstream that owns it, who else touches it, and the project's resolution rule that decides a conflict on it.",
      inputSchema: { path: z.string().min(1).describe("A path relative to the repository root, e.g. src/config.py, or a glob") },
      annotations: READ_ONLY,
    },
    ({ path }) =>
      guard("who_owns", async () => {
        const loaded = await loadProject(source);
        const { whoOwnsText } = await import("./who-owns.js");
        return answer(whoOwnsText(loaded.plan, loaded.schedule, path), ...errorsNote(loaded));
      }),
  );

  server.registerTool(
    "validate",
    {
      title: "Validate the plan",
      description: "Every problem of the plan, as `file:line:column severity code message` lines with hints (paths relative to the project root).",
      inputSchema: {},
      annotations: READ_ONLY,
    },
    () =>
      guard("validate", async () => {
        const loaded = await loadProject(source);
        return answer(loaded.diagnostics.length === 0 ? "The plan is valid: 0 errors, 0 warnings.\n" : diagnosticsText(loaded.diagnostics));
      }),
  );

  const progressInput = Object.fromEntries(PROGRESS_KEYS.map((key) => [key.toLowerCase(), z.string().optional().describe(`The \`- ${key}:\` line of progress.md`)])) as Record<
    Lowercase<(typeof PROGRESS_KEYS)[number]>,
    z.ZodOptional<z.ZodString>
  >;
  server.registerTool(
    "report_progress",
    {
      title: "Report progress",
      description: "Writes the Status, Done, Next and Blockers lines of progress.md in this worktree (the lines the project manager reads); every other line of the file is kept.",
      inputSchema: progressInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      guard("report_progress", async () => {
        const values = Object.fromEntries(PROGRESS_KEYS.flatMap((key) => (input[lowerKey(key)] !== undefined ? [[key, input[lowerKey(key)]!]] : [])));
        if (Object.keys(values).length === 0) throw new ToolFailure(`give at least one of: ${PROGRESS_KEYS.map((k) => k.toLowerCase()).join(", ")}`);
        // progress.md belongs to a workstream's worktree: not to the main checkout, nor to a branch the plan does not know.
        const ws = workstreamOf(await loadProject(source));
        const { writeProgress } = await import("./progress-file.js");
        const { file, created } = await writeProgress(calling.top, ws.id, values);
        return answer(`${created ? "created" : "updated"} ${file}: ${Object.keys(values).join(", ")}\n`);
      }),
  );

  server.registerTool(
    "set_status",
    {
      title: "Set my workstream's status",
      description:
        "Writes the workstream's `status` in its plan record in the main checkout, as `paraplan set <ID> status <value>` does: only the value's bytes change, the change is validated first, and a file changed meanwhile is not written.",
      inputSchema: { status: z.enum(WORKSTREAM_STATUSES).describe("The new status"), id: idInput },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ status, id }) =>
      guard("set_status", async () => {
        const loaded = await loadProject(source);
        const ws = workstreamOf(loaded, id);
        const { setWorkstreamStatus } = await import("./set-status.js");
        return answer(await setWorkstreamStatus(source, ws.id, status));
      }),
  );

  registerPlanResources(server, source);
  return server;
}

/** `Status` → `status`, typed: the tool's input keys are the progress keys in lower case. */
function lowerKey<K extends string>(key: K): Lowercase<K> {
  return key.toLowerCase() as Lowercase<K>;
}

/** Serves the plan over stdin/stdout until the client closes the connection (or `stop` resolves: a signal). */
export async function serveStdio(options: PlanServerOptions, stop: Promise<void>): Promise<void> {
  const server = createPlanServer(options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const pending = trackPendingRequests(transport);
  // A line that is not JSON, or not a JSON-RPC message, gets the error JSON-RPC prescribes (id null); the next line is read as usual.
  server.server.onerror = (error) => {
    const code = error instanceof SyntaxError ? ErrorCode.ParseError : "issues" in error ? ErrorCode.InvalidRequest : undefined;
    const message = code === ErrorCode.ParseError ? "Parse error: the line is not JSON" : code === ErrorCode.InvalidRequest ? "Invalid Request: not a JSON-RPC message" : error.message.split("\n")[0]!;
    options.log(`paraplan mcp: ${message}\n`);
    if (code === undefined) return;
    const answer = { jsonrpc: "2.0", id: null, error: { code, message } };
    transport.send(answer as unknown as JSONRPCMessage).catch(() => undefined);
  };
  // Set after connecting: connecting installs the transport's own close handler, which calls the server's.
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    // The client closed stdin: what it asked before is still answered.
    process.stdin.once("end", () => void pending.idle().then(resolve));
    void stop.then(resolve);
  });
  options.log(`paraplan mcp: serving ${options.source.planDir}${options.calling.branch ? ` to branch ${options.calling.branch}` : ""}\n`);
  await closed;
  await server.close();
}

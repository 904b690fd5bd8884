import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema, ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

// `paraplan mcp` as an agent starts it: a child process in a linked worktree of a real repository, spoken to with the
// SDK's own client over stdio. It runs the built binary (tests/global-setup.ts builds dist/ when it is out of date):
// starting the source through tsx cost about three times the CPU of starting dist/cli.js.
const TD2 = "plan/workstreams/TD2-config-management.md";

let dir: string;
let main: string;
let worktree: string;
let client: Client;
let stderr = "";

const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd, encoding: "utf8" });

/** The text of a tool's answer, all its parts joined. */
function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** Rewrites a file of the main checkout's plan. */
async function editMain(relative: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(main, relative);
  await writeFile(file, edit(await readFile(file, "utf8")));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-mcp-"));
  main = path.join(dir, "main");
  worktree = path.join(dir, "autoD-config");
  await cp(path.join(REPO, "plan"), path.join(main, "plan"), { recursive: true });
  git(dir, "init", "-q", "-b", "main", main);
  git(main, "add", "plan");
  git(main, "commit", "-q", "-m", "plan");
  // TD2's branch, checked out in a linked worktree: the server must know it is TD2 by this branch.
  git(main, "worktree", "add", "-q", "-b", "workstream/config-management", worktree);
  // Changed in the main checkout after the worktree was made: the worktree's own plan/ is now stale.
  await editMain(TD2, (text) => text.replace("## Goal\n\n", "## Goal\n\nEdited in the main checkout after the worktree was made.\n"));
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: worktree, stderr: "pipe" });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  client = new Client({ name: "paraplan-test", version: "1.0.0" });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("paraplan mcp, started in a linked worktree", () => {
  it("lists its tools, each with a JSON Schema for its input", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["decision", "dependencies", "my_workstream", "plan_overview", "report_progress", "set_status", "validate", "who_owns", "workstream"]);
    for (const tool of tools) expect(tool.inputSchema.type).toBe("object");
    const status = tools.find((t) => t.name === "set_status")!.inputSchema.properties as Record<string, { enum?: string[] }>;
    expect(status.status?.enum).toContain("in progress");
  });

  it("my_workstream: the prompt of the workstream the branch names, from the main checkout's plan, and whether it changed", async () => {
    const first = await call("my_workstream");
    expect(first.isError).toBeFalsy();
    expect(textOf(first)).toContain("TD2 prompt: first read by this server.");
    expect(textOf(first)).toContain("# TD2: Config Management");
    expect(textOf(first)).toContain("Edited in the main checkout after the worktree was made.");
    // The worktree's own copy does not have the edit: the server did not read it.
    expect(await readFile(path.join(worktree, TD2), "utf8")).not.toContain("Edited in the main checkout");
    expect(textOf(await call("my_workstream"))).toContain("TD2 prompt: unchanged since this server last returned it.");
    await editMain(TD2, (text) => text.replace("Edited in the main checkout after", "Edited again in the main checkout after"));
    const changed = await call("my_workstream");
    expect(textOf(changed)).toContain("TD2 prompt: CHANGED since this server last returned it");
    // The amendment as a diff, then the whole prompt.
    const amendment = (changed.content[1] as { text: string }).text;
    expect(amendment).toMatch(/^What changed:\n\n```diff\n--- a\/TD2-prompt.md\n\+\+\+ b\/TD2-prompt.md\n@@ /);
    expect(amendment).toContain("\n-Edited in the main checkout after the worktree was made. Replace the 21\n+Edited again in the main checkout after the worktree was made. Replace the 21\n");
    expect((changed.content[2] as { text: string }).text).toContain("Edited again in the main checkout");
  });

  it("my_workstream gives the same text as `paraplan prompt`", async () => {
    const printed = await runInProcess(["prompt", "TD2"], main);
    expect(printed.code, printed.stderr).toBe(0);
    const result = await call("my_workstream");
    expect(result.content[1]).toEqual({ type: "text", text: printed.stdout });
  }, 30_000);

  it("plan_overview: figures, waves, critical path and what can start now", async () => {
    const text = textOf(await call("plan_overview"));
    expect(text).toContain("# autoD: plan overview");
    expect(text).toMatch(/- Makespan with waves: \d/);
    expect(text).toContain("- Critical path: ");
    expect(text).toContain("- Can start now: TD2, TD4, WS1, WS3");
    expect(text).toContain("- Wave 1 (Config Foundation): merges TD2 into `integration/wave1-config`");
  });

  it("workstream and decision: one record, rendered", async () => {
    const ws = textOf(await call("workstream", { id: "TD3" }));
    expect(ws).toContain("# TD3: API Client Refactor");
    expect(ws).toContain("- Depends on: TD1, TD2");
    expect(textOf(await call("workstream"))).toContain("# TD2: Config Management");
    const adr = textOf(await call("decision", { ref: "ADR-2" }));
    expect(adr).toMatch(/^# 0002\. Progressive Wave-Based Merging/);
    const missing = await call("decision", { ref: "99" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain("no decision `99`");
  });

  it("dependencies: what each dependency delivers and whether it is merged", async () => {
    const text = textOf(await call("dependencies", { id: "TD3" }));
    expect(text).toContain("## TD2: Config Management (hard dependency)");
    expect(text).toContain("- Status: planned; merged: no");
    expect(text).toContain("A single `Config` class in `src/config.py`");
    expect(textOf(await call("dependencies"))).toContain("TD2 depends on no other workstream.");
  });

  it("who_owns: the owner, who else touches the path, and the rule that decides", async () => {
    const text = textOf(await call("who_owns", { path: "src/config.py" }));
    expect(text).toContain("Owned by:\n- TD2 (`src/config.py`)");
    expect(text).toContain("Touched by:\n- WS2 (`src/config.py`)\n- WS3 (`src/config.py`)");
    expect(text).toContain("Resolution rule (project `resolution_protocol`, `src/config.py`): TD2's version wins");
    expect(textOf(await call("who_owns", { path: "nobody/owns/this.txt" }))).toContain("Owned by: no workstream");
  });

  it("validate: a valid plan says so", async () => {
    expect(textOf(await call("validate"))).toBe("The plan is valid: 0 errors, 0 warnings.\n");
  });

  it("report_progress: sets the given lines of progress.md in the worktree, every other byte kept", async () => {
    const file = path.join(worktree, "progress.md");
    const before = "# TD2 progress\n\n- Status: planning\n- Done: nothing yet\n- Next: read the code\n- Blockers: none\n- Gates: none yet\n\nNotes kept as they are.\n";
    await writeFile(file, before);
    const result = await call("report_progress", { status: "coding", blockers: "waiting for\nthe schema" });
    expect(result.isError).toBeFalsy();
    expect(await readFile(file, "utf8")).toBe(before.replace("- Status: planning", "- Status: coding").replace("- Blockers: none", "- Blockers: waiting for the schema"));
    // Nothing in the main checkout: progress is the worktree's.
    await expect(readFile(path.join(main, "progress.md"), "utf8")).rejects.toThrow();
    const empty = await call("report_progress", {});
    expect(empty.isError).toBe(true);
  });

  it("set_status: writes the status in the main checkout's record, only those bytes", async () => {
    const before = await readFile(path.join(main, TD2), "utf8");
    const result = await call("set_status", { status: "in progress" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain("TD2 status: planned → in progress");
    expect(await readFile(path.join(main, TD2), "utf8")).toBe(before.replace("status: planned", "status: in progress"));
    expect(await readFile(path.join(worktree, TD2), "utf8")).toContain("status: planned");
    expect(textOf(await call("workstream"))).toContain("- Status: in progress");
  });

  it("answers an invalid plan with its diagnostics, and serves again once it is fixed", async () => {
    const good = await readFile(path.join(main, TD2), "utf8");
    await editMain(TD2, (text) => text.replace("depends_on: []", "depends_on: [NOPE9]"));
    const validate = textOf(await call("validate"));
    expect(validate).toMatch(/plan\/workstreams\/TD2-config-management\.md:\d+:\d+ error /);
    expect(validate).toContain("NOPE9");
    const prompt = await call("my_workstream");
    expect(prompt.isError).toBe(true);
    expect(textOf(prompt)).toContain("the plan has errors");
    expect(textOf(prompt)).toMatch(/TD2-config-management\.md:\d+:\d+ error/);
    // As `paraplan set`: a change that brings no new error is written, and the answer says the plan has errors.
    const status = await call("set_status", { status: "done" });
    expect(status.isError, textOf(status)).toBeFalsy();
    expect(textOf(status)).toContain("The plan has errors (1 error, 0 warnings)");
    await writeFile(path.join(main, TD2), good);
    expect((await call("my_workstream")).isError).toBeFalsy();
  });

  it("answers malformed requests with errors and keeps serving", async () => {
    // Input that does not match the tool's schema: a tool error (or a protocol error), never a crash.
    const wrongType = await client.request({ method: "tools/call", params: { name: "who_owns", arguments: { path: 42 } } }, CallToolResultSchema).catch((e: unknown) => e);
    if (wrongType instanceof McpError) expect(wrongType.code).toBe(ErrorCode.InvalidParams);
    else expect((wrongType as CallToolResult).isError).toBe(true);
    const unknownTool = await client.request({ method: "tools/call", params: { name: "no_such_tool", arguments: {} } }, CallToolResultSchema).catch((e: unknown) => e);
    if (unknownTool instanceof McpError) expect(unknownTool.message).toContain("no_such_tool");
    else expect((unknownTool as CallToolResult).isError).toBe(true);
    const badStatus = await call("set_status", { status: "finished" });
    expect(badStatus.isError).toBe(true);
    await expect(client.request({ method: "no/such/method", params: {} }, CallToolResultSchema)).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
    await expect(client.readResource({ uri: "paraplan://adr/99" })).rejects.toThrow(/no decision/);
    // Still serving.
    expect(textOf(await call("validate"))).toContain("The plan is valid");
  });

  it("serves the generated documents as resources", async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(["paraplan://plan", "paraplan://prompts/TD2", "paraplan://adr/3"]));
    const plan = await client.readResource({ uri: "paraplan://plan" });
    expect((plan.contents[0] as { text: string }).text).toContain("autoD");
    const prompt = await client.readResource({ uri: "paraplan://prompts/TD3" });
    expect((prompt.contents[0] as { text: string }).text).toContain("# TD3: API Client Refactor");
    const adr = await client.readResource({ uri: "paraplan://adr/1" });
    expect((adr.contents[0] as { text: string }).text).toMatch(/^# 0001\./);
  });

  it("logged only to stderr", () => {
    expect(stderr).toContain(`paraplan mcp: serving ${path.join(main, "plan")} to branch workstream/config-management`);
  });
});

describe("paraplan mcp, started in the main checkout", () => {
  it("knows no calling workstream there: asks for an id, and writes no progress.md", async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: main, stderr: "ignore" });
    const other = new Client({ name: "paraplan-test", version: "1.0.0" });
    await other.connect(transport);
    try {
      const mine = (await other.callTool({ name: "my_workstream", arguments: {} })) as CallToolResult;
      expect(mine.isError).toBe(true);
      expect(textOf(mine)).toContain("the branch checked out here, `main`, is no workstream's branch; pass the workstream's id.");
      expect(textOf(mine)).toContain("TD2 `workstream/config-management`");
      const named = (await other.callTool({ name: "my_workstream", arguments: { id: "TD3" } })) as CallToolResult;
      expect(textOf(named)).toContain("# TD3: API Client Refactor");
      const progress = (await other.callTool({ name: "report_progress", arguments: { status: "coding" } })) as CallToolResult;
      expect(progress.isError).toBe(true);
      await expect(readFile(path.join(main, "progress.md"), "utf8")).rejects.toThrow();
    } finally {
      await other.close();
    }
  }, 60_000);
});

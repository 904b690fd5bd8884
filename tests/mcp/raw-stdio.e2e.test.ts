import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

// What the SDK's client never sends: lines that are not JSON, or not JSON-RPC. Written to the server's stdin by hand.

/** Starts `paraplan mcp` in `cwd`, writes the lines and closes stdin; resolves with every stdout line and the exit code. */
function exchange(cwd: string, lines: string[]): Promise<{ messages: unknown[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "mcp"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        messages: stdout
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => JSON.parse(l) as unknown),
        code,
        stderr,
      }),
    );
    child.stdin.end(lines.map((l) => `${l}\n`).join(""));
  });
}

describe("paraplan mcp on a raw stdio stream", () => {
  it("answers a line that is not JSON and one that is not JSON-RPC with their errors, serves the rest, and answers what was asked before stdin closed", async () => {
    const root = await tempProject("tiny", "paraplan-mcp-raw-");
    const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };
    const { messages, code, stderr } = await exchange(root, [
      "not json at all",
      '{"foo": 1}',
      JSON.stringify(initialize),
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "workstream", arguments: { id: "A2" } } }),
    ]);
    expect(code).toBe(0);
    // Every line of stdout is a protocol message.
    expect(messages).toHaveLength(4);
    expect(messages[0]).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error: the line is not JSON" } });
    expect(messages[1]).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Invalid Request: not a JSON-RPC message" } });
    expect(messages[2]).toMatchObject({ id: 1, result: { serverInfo: { name: "paraplan" } } });
    const answer = messages[3] as { id: number; result: { content: { type: string; text: string }[] } };
    expect(answer.id).toBe(2);
    expect(answer.result.content[0]!.text).toContain("# A2: Report");
    expect(stderr).toContain("paraplan mcp: Parse error: the line is not JSON");
  }, 60_000);
});

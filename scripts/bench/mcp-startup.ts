// Measures `paraplan mcp` from spawn to its first answer (initialize, then a my_workstream call) against
// `paraplan prompt <ID>` from spawn to exit, both with the built dist/ in a linked worktree of a temporary repository
// holding this repository's example plan. Run with `npm run build && tsx scripts/bench/mcp-startup.ts [runs]`.
import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(REPO, "dist", "cli.js");
const runs = Number(process.argv[2] ?? 7);

const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-mcp-bench-"));
const main = path.join(dir, "main");
const worktree = path.join(dir, "wt");
await cp(path.join(REPO, "plan"), path.join(main, "plan"), { recursive: true });
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=B", "-c", "user.email=b@example.com", ...args], { cwd });
git(dir, "init", "-q", "-b", "main", main);
git(main, "add", "plan");
git(main, "commit", "-q", "-m", "plan");
git(main, "worktree", "add", "-q", "-b", "workstream/config-management", worktree);

/** Spawn to the answer to `initialize` (the server's first answer), and to the answer of the first `my_workstream` call. */
async function mcpFirstAnswer(): Promise<{ initialize: number; prompt: number }> {
  const started = performance.now();
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: worktree, stderr: "ignore" }));
  const initialize = performance.now() - started;
  const result = await client.callTool({ name: "my_workstream", arguments: {} });
  const prompt = performance.now() - started;
  if (result.isError) throw new Error(JSON.stringify(result.content));
  await client.close();
  return { initialize, prompt };
}

function promptTime(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, "prompt", "TD2"], { cwd: main, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return performance.now() - started;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Both timings, medians of `runs`, after one run of each so both find a warm parse cache as they would in use. */
async function measure(label: string): Promise<void> {
  promptTime();
  await mcpFirstAnswer();
  const prompt: number[] = [];
  const mcp: number[] = [];
  const initialize: number[] = [];
  for (let i = 0; i < runs; i++) {
    prompt.push(promptTime());
    const answer = await mcpFirstAnswer();
    initialize.push(answer.initialize);
    mcp.push(answer.prompt);
  }
  console.log(`${label}:`);
  console.log(`  paraplan prompt TD2 (spawn to exit):         median ${median(prompt).toFixed(0)} ms of ${runs} runs`);
  console.log(`  paraplan mcp (spawn to initialize answered): median ${median(initialize).toFixed(0)} ms of ${runs} runs (${(median(initialize) / median(prompt)).toFixed(2)}×)`);
  console.log(`  paraplan mcp (spawn to first my_workstream): median ${median(mcp).toFixed(0)} ms of ${runs} runs`);
  console.log(`  ratio: ${(median(mcp) / median(prompt)).toFixed(2)}× (the issue asks for at most 2×)`);
}

await measure("no out/ (both render the prompt)");
execFileSync(process.execPath, [CLI, "generate", "-q"], { cwd: main });
await measure("after paraplan generate (prompt answers from the fresh out/)");
await rm(dir, { recursive: true, force: true });

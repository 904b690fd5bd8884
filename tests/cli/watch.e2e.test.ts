import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";

/** Waits until the accumulated output matches, or fails with what was seen. */
async function until(read: () => string, pattern: RegExp, from: number, ms = 20_000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = read().slice(from);
    const match = pattern.exec(text);
    if (match) return from + match.index + match[0].length;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("watch (the built binary)", () => {
  it("rebuilds on an edit, prints diagnostics for an invalid edit and keeps going, then rebuilds after the fix", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "paraplan-watch-"));
    await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
    const file = path.join(project, "plan", "workstreams", "WS1-vector-store.md");
    const original = await readFile(file, "utf8");

    const child = spawn(process.execPath, [CLI, "watch", "--debounce", "100"], { cwd: project, env: { PATH: process.env.PATH }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const read = () => output;
    try {
      let at = await until(read, /\[start\] [\s\S]*?13 written, 0 removed, 0 unchanged in \d+ ms\n/, 0);

      await writeFile(file, original.replace("name: Vector Store", "name: Vector Search"));
      at = await until(read, /\[plan\/workstreams\/WS1-vector-store\.md\] [\s\S]*?removed out\/prompts\/WS1_VECTOR_STORE\.md[\s\S]*?\d+ written, 1 removed, \d+ unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(project, "out", "prompts", "WS1_VECTOR_SEARCH.md"), "utf8")).toContain("# WS1: Vector Search");

      await writeFile(file, original.replace("days: 4", "days: four"));
      at = await until(read, /WS1-vector-store\.md:\d+:\d+ error invalid-value `days` is `four`[\s\S]*?1 error, \d+ warnings?: nothing written; waiting for the next change\n/, at);
      expect(child.exitCode).toBeNull();

      await writeFile(file, original);
      await until(read, /\[plan\/workstreams\/WS1-vector-store\.md\] [\s\S]*?written, 1 removed, \d+ unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(project, "out", "prompts", "WS1_VECTOR_STORE.md"), "utf8")).toContain("# WS1: Vector Store");
    } finally {
      child.kill("SIGINT");
    }
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
  });
});

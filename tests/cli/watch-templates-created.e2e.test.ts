/**
 * `watch` and a templates folder made after it started (issue #17 item 18), as `paraplan templates eject` makes one:
 * it used to be ignored until the watch was restarted. The folder's path is looked at now and then; once the folder is
 * there it is watched, and out/ is rebuilt with its templates, then again on each later edit of them.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";
import { until } from "../helpers/until.js";

/** Waits until a file's text matches. */
async function untilFile(file: string, pattern: RegExp, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = await readFile(file, "utf8").catch(() => "");
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in ${file}; it holds:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("watch: a templates folder made after the watch started", () => {
  it("is watched once it appears, and out/ is rebuilt with its templates, then on each edit", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-watch-templates-"));
    await cp(path.join(REPO, "plan"), path.join(dir, "plan"), { recursive: true });
    const child = spawn(process.execPath, [CLI, "watch", "--debounce", "50"], { cwd: dir, env: { PATH: process.env.PATH }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const read = () => output;
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    const prompt = path.join(dir, "out", "prompts", "WS1_VECTOR_STORE.md");
    try {
      const at = await until(read, /\[start\] [\s\S]*?13 written, 0 removed, 0 unchanged in \d+ ms\n/, 0);
      expect(await readFile(prompt, "utf8")).not.toContain("MY OWN TEMPLATE");

      const builtin = await readFile(path.join(REPO, "templates", "prompt.md.hbs"), "utf8");
      await mkdir(path.join(dir, "templates"));
      await writeFile(path.join(dir, "templates", "prompt.md.hbs"), `MY OWN TEMPLATE\n\n${builtin}`);
      await until(read, /templates appeared; watching it too/, at);
      await untilFile(prompt, /^MY OWN TEMPLATE$/m);

      // Watched from then on: a later edit of the template is built too.
      await writeFile(path.join(dir, "templates", "prompt.md.hbs"), `EDITED AGAIN\n\n${builtin}`);
      await untilFile(prompt, /^EDITED AGAIN$/m);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGINT");
    }
    expect(await exit).toBe(0);
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});

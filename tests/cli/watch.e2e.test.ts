import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { until } from "../helpers/until.js";

/** A copy of the autoD plan (and the templates, when asked) in a fresh project folder. */
async function project(withTemplates = false): Promise<{ dir: string; file: string; original: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-watch-"));
  await cp(path.join(REPO, "plan"), path.join(dir, "plan"), { recursive: true });
  if (withTemplates) await cp(path.join(REPO, "templates"), path.join(dir, "templates"), { recursive: true });
  const file = path.join(dir, "plan", "workstreams", "WS1-vector-store.md");
  return { dir, file, original: await readFile(file, "utf8") };
}

/** Runs `paraplan watch` in `dir` while `body` drives it, then stops it with Ctrl-C and expects a clean exit. */
async function watching(dir: string, args: string[], body: (read: () => string, child: ChildProcess) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [CLI, "watch", ...args], { cwd: dir, env: { PATH: process.env.PATH }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  try {
    await body(() => output, child);
  } finally {
    child.kill("SIGINT");
  }
  expect(await new Promise<number | null>((resolve) => child.on("close", resolve))).toBe(0);
}

/** Every file under a folder, by relative path, with its text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(files.map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name), "utf8")] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe("watch (the built binary)", () => {
  it("rebuilds on an edit, prints diagnostics for an invalid edit and keeps going, then rebuilds after the fix", async () => {
    const { dir, file, original } = await project();
    await watching(dir, ["--debounce", "100"], async (read, child) => {
      let at = await until(read, /\[start\] [\s\S]*?13 written, 0 removed, 0 unchanged in \d+ ms\n/, 0);

      await writeFile(file, original.replace("name: Vector Store", "name: Vector Search"));
      at = await until(read, /\[plan\/workstreams\/WS1-vector-store\.md\] [\s\S]*?removed out\/prompts\/WS1_VECTOR_STORE\.md[\s\S]*?\d+ written, 1 removed, \d+ unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(dir, "out", "prompts", "WS1_VECTOR_SEARCH.md"), "utf8")).toContain("# WS1: Vector Search");

      await writeFile(file, original.replace("days: 4", "days: four"));
      at = await until(read, /WS1-vector-store\.md:\d+:\d+ error invalid-value `days` is `four`[\s\S]*?1 error, \d+ warnings?: nothing written; waiting for the next change\n/, at);
      expect(child.exitCode).toBeNull();

      await writeFile(file, original);
      await until(read, /\[plan\/workstreams\/WS1-vector-store\.md\] [\s\S]*?written, 1 removed, \d+ unchanged in \d+ ms\n/, at);
      expect(await readFile(path.join(dir, "out", "prompts", "WS1_VECTOR_STORE.md"), "utf8")).toContain("# WS1: Vector Store");
    });
  });

  it("keeps its builds in memory without trusting them blindly: hand edits, deletions and template edits are seen", async () => {
    const { dir, file, original } = await project(true);
    const out = (rel: string) => path.join(dir, "out", rel);
    await watching(dir, ["--debounce", "100", "--templates", "templates"], async (read) => {
      let at = await until(read, /\[start\] [\s\S]*?13 written, 0 removed, 0 unchanged in \d+ ms\n/, 0);

      // Between builds: one generated file edited by hand, another deleted; then a plan edit that concerns neither.
      await appendFile(out("prompts/TD1_ERROR_HANDLING.md"), "\nMy own note.\n");
      await rm(out("prompts/TD2_CONFIG_MANAGEMENT.md"));
      await writeFile(file, original.replace("## Goal\n\n", "## Goal\n\nEdited once. "));
      // The refusal goes to stderr and the summary to stdout: either may arrive first.
      at = Math.max(await until(read, /unchanged in \d+ ms\n/, at), await until(read, /refused out\/prompts\/TD1_ERROR_HANDLING\.md was edited by hand/, at));
      expect(read().slice(0, at)).toMatch(/wrote {3}out\/prompts\/TD2_CONFIG_MANAGEMENT\.md/);
      expect(await readFile(out("prompts/TD1_ERROR_HANDLING.md"), "utf8")).toContain("My own note.");
      expect(await readFile(out("prompts/TD2_CONFIG_MANAGEMENT.md"), "utf8")).toContain("# TD2: Config Management");
      expect(await readFile(out("prompts/WS1_VECTOR_STORE.md"), "utf8")).toContain("Edited once.");

      // A template edit changes every document that template renders, though no view changed.
      const template = path.join(dir, "templates", "prompt.md.hbs");
      await writeFile(template, `${await readFile(template, "utf8")}\nA line the template added.\n`);
      await until(read, /\[templates\/prompt\.md\.hbs\] [\s\S]*?6 written, 0 removed, \d+ unchanged in \d+ ms\n/, at);
      expect(await readFile(out("prompts/WS2_BATCH_PROCESSING.md"), "utf8")).toContain("A line the template added.");
    });
  });

  it("after edits of prose alone, which re-render only the documents that show it, out/ is what a fresh generate writes", async () => {
    const { dir } = await project();
    const plan = (rel: string) => path.join(dir, "plan", rel);
    // Prose of each kind of record: a workstream's goal, an ADR's section, a session's summary, the project's summary,
    // a risk's mitigation; each shows in its own document and in those that quote it.
    const edits = [
      { file: "workstreams/TD1-error-handling.md", from: "## Goal\n\n", to: "## Goal\n\nA goal edited. " },
      { file: "decisions/0002-progressive-wave-based-merging.md", from: "## Decision\n\n", to: "## Decision\n\nA decision edited. " },
      { file: "sessions/2025-10-16-parallel-execution-strategy-setup.md", from: "## Summary\n\n", to: "## Summary\n\nA summary edited. " },
      { file: "project.md", from: "## Summary\n\n", to: "## Summary\n\nA project edited. " },
      { file: "risks/R2-merge-conflicts-on-core-files.md", from: "## Mitigation\n\n", to: "## Mitigation\n\n- A mitigation edited.\n" },
    ];
    await watching(dir, ["--debounce", "50"], async (read) => {
      let at = await until(read, /\[start\] [\s\S]*?13 written, 0 removed, 0 unchanged in \d+ ms\n/, 0);
      for (const edit of edits) {
        const text = await readFile(plan(edit.file), "utf8");
        expect(text).toContain(edit.from);
        // Saved as editors do, whole: a hidden temporary file renamed over the record.
        const temporary = path.join(path.dirname(plan(edit.file)), ".saving");
        await writeFile(temporary, text.replace(edit.from, edit.to));
        await rename(temporary, plan(edit.file));
        const from = at;
        await until(read, new RegExp(`\\[plan/${edit.file.replace(/\./g, "\\.")}\\] [\\s\\S]*?unchanged in \\d+ ms\\n`), from);
        // Watch looks at a changed file again after chokidar's window, which may make one more (empty) build.
        await new Promise((r) => setTimeout(r, 400));
        at = read().length;
        const written = [
          ...read()
            .slice(from, at)
            .matchAll(/(\d+) written, 0 removed/g),
        ].reduce((n, m) => n + Number(m[1]), 0);
        expect(written, `${edit.file}:\n${read().slice(from, at)}`).toBeGreaterThan(0);
        // The fresh build to compare with runs in this process: the watcher under test is the built binary.
        const fresh = await runInProcess(["generate", "--no-cache", "--out", "fresh", "--quiet"], dir);
        expect(fresh.code).toBe(0);
        expect(await tree(path.join(dir, "out"))).toEqual(await tree(path.join(dir, "fresh")));
      }
    });
  });

  it("sees a second save that comes within chokidar's 50 ms window for the first", async () => {
    const { dir, file, original } = await project();
    await watching(dir, ["--debounce", "0"], async (read) => {
      await until(read, /\[start\] [\s\S]*?unchanged in \d+ ms\n/, 0);
      await writeFile(file, original.replace("## Goal\n\n", "## Goal\n\nFirst save. "));
      await new Promise((r) => setTimeout(r, 15));
      await writeFile(file, original.replace("## Goal\n\n", "## Goal\n\nSecond save. "));
      const prompt = path.join(dir, "out", "prompts", "WS1_VECTOR_STORE.md");
      const deadline = Date.now() + 10_000;
      while (!(await readFile(prompt, "utf8")).includes("Second save.")) {
        if (Date.now() > deadline) throw new Error(`the second save never reached out/:\n${read()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  });
});

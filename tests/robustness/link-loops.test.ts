/**
 * Symbolic link loops in the plan and template folders (issue #18 item 7): each real folder is walked once, and a
 * link back into a folder that contains it is reported once, at the link, instead of being walked 40 levels deep
 * (one loop) or exponentially (two).
 */
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOutputs } from "../../src/io/build-outputs.js";
import { readPlan } from "../../src/io/read-plan.js";
import { tempProject } from "../helpers/temp-project.js";

let root: string;
beforeEach(async () => {
  root = await tempProject("tiny", "paraplan-loops-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const plan = () => path.join(root, "plan");
const loop = (file: string) => ({ code: "symlink-loop", file, at: `${file}:1:1` });
const shown = (d: { code: string; file: string; start: { line: number; column: number } }) => ({ code: d.code, file: d.file, at: `${d.file}:${d.start.line}:${d.start.column}` });

describe("symbolic link loops", () => {
  it("one loop inside plan/ is reported once at the link, and every file is read once (no duplicate-id)", async () => {
    await symlink("..", path.join(plan(), "workstreams", "again"));
    const built = await buildOutputs({ planDir: plan(), root: root });
    expect(built.diagnostics.filter((d) => d.severity === "error").map(shown)).toEqual([loop("plan/workstreams/again")]);
    const read = await readPlan(plan(), root);
    expect(new Set(read.files.map((f) => f.file)).size).toBe(read.files.length);
  });

  it("two loops (and a link to itself) are answered at once, each reported once", async () => {
    await mkdir(path.join(plan(), "notes", "deep"), { recursive: true });
    await symlink("../..", path.join(plan(), "notes", "deep", "up"));
    await symlink("..", path.join(plan(), "notes", "deep", "back"));
    await symlink(path.join(plan(), "notes"), path.join(plan(), "workstreams", "notes"));
    await symlink("self", path.join(plan(), "self"));
    const started = performance.now();
    const { files, diagnostics } = await readPlan(plan(), root);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diagnostics.map(shown)).toEqual([loop("plan/notes/deep/back"), loop("plan/notes/deep/up"), loop("plan/self")]);
    // The folder linked from workstreams/ was walked already as notes/: its files are not listed twice.
    expect(new Set(files.map((f) => f.file)).size).toBe(files.length);
  });

  it("a loop in the template folder is a template error at the link, answered at once", async () => {
    await mkdir(path.join(root, "templates", "partials"), { recursive: true });
    await writeFile(path.join(root, "templates", "partials", "x.hbs"), "x\n");
    await symlink("..", path.join(root, "templates", "partials", "a"));
    await symlink("..", path.join(root, "templates", "partials", "b"));
    const started = performance.now();
    const built = await buildOutputs({ planDir: plan(), templatesDir: path.join(root, "templates"), root });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(built.files).toEqual([]);
    expect(built.diagnostics.filter((d) => d.severity === "error").map(shown)).toEqual([loop("templates/partials/a")]);
  });
});

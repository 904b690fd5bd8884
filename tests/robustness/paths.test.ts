/**
 * Path safety: no id, name, slug, title, ADR number, file name or template name makes paraplan write outside `out/`,
 * and no symbolic link makes it read or write outside the plan, template and output folders.
 */
import { lstat, mkdir, readdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOutputs } from "../../src/io/build-outputs.js";
import { OutsideFolderError } from "../../src/diagnostics/errors.js";
import { syncOutputs } from "../../src/io/write-outputs.js";
import { runCli } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { putFile, tempProject } from "../helpers/temp-project.js";

let root: string;
beforeEach(async () => {
  root = await tempProject("tiny", "paraplan-paths-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function put(relative: string, text: string): Promise<void> {
  return putFile(root, relative, text);
}

/** Every file and link under a folder, relative to it, with `/`. */
async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const LONG = "x".repeat(300);
// Hostile values as YAML scalars: double quotes so that `\t` is a tab. (A NUL, an escape or a direction override in a
// one-line field is refused before any path is made: tests/model/control-characters.test.ts.)
const HOSTILE = [
  '"../../x"',
  '"/etc/passwd"',
  '"a\\tb"',
  "CON",
  "nul",
  "COM1",
  "lpt9",
  `"${LONG}"`,
  '".."',
  '"..\\\\..\\\\win"',
  '"C:\\\\Windows"',
  '"con.md"',
  '" . "',
  `"${"😀".repeat(100)}"`,
  '"\\u200Fexe.md"',
  '"a/b"',
  '"a:b"',
];

/** A plan with workstreams, sessions and ADRs whose every name-giving field is hostile. */
async function writeHostilePlan(): Promise<number> {
  for (const [i, value] of HOSTILE.entries()) {
    await put(
      `plan/workstreams/H${i}.md`,
      `---\nid: ${value}\nname: ${value}\nagent: developer\ndays: 1\nslug: ${value}\nbranch: ${value}\nworktree: ${value}\n---\n\n# Hostile ${i}\n\n## Goal\n\nSurvive.\n`,
    );
  }
  await put("plan/sessions/2025-10-16-a.md", `---\ntitle: "../../../etc/passwd"\n---\n\n# Session\n\n## Summary\n\nx\n`);
  await put("plan/sessions/2025-10-17-b.md", `---\ntitle: "${LONG}"\n---\n\n# Session\n\n## Summary\n\nx\n`);
  await put("plan/sessions/2025-10-18-c.md", `---\ntitle: "${LONG}!"\n---\n\n# Session\n\n## Summary\n\nx\n`);
  await put("plan/decisions/0001-x.md", "---\ntitle: /etc/passwd\nstatus: accepted\n---\n\n# 1. /etc/passwd\n\n## Decision\n\nx\n");
  await put("plan/decisions/0002-CON.md", "---\nstatus: accepted\n---\n\n# 2. CON\n\n## Decision\n\nx\n");
  await put(`plan/decisions/0003-${"y".repeat(240)}.md`, "---\nstatus: accepted\n---\n\n# 3. Long\n\n## Decision\n\nx\n");
  await put("plan/decisions/99999999999-huge.md", "---\nstatus: accepted\n---\n\n# 99999999999. Huge number\n\n## Decision\n\nx\n");
  await put("plan/decisions/..\\..\\evil.md", "---\nstatus: accepted\n---\n\n# ../../evil\n\n## Decision\n\nx\n");
  await put("plan/decisions/:*?<>|.md", "---\nstatus: accepted\n---\n\n# Punctuation\n\n## Decision\n\nx\n");
  return HOSTILE.length;
}

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com\d|lpt\d)(\.|$)/i;

/** A relative output path every file system accepts and that stays inside `out/`. */
function expectSafe(rel: string): void {
  expect(path.posix.isAbsolute(rel)).toBe(false);
  for (const segment of rel.split("/")) {
    expect(segment).not.toMatch(/^\.{1,2}$/);
    // eslint-disable-next-line no-control-regex -- control characters must never reach a file name
    expect(segment).not.toMatch(/[\u0000-\u001f\\:*?"<>|]/);
    expect(segment).not.toMatch(RESERVED);
    expect(segment).not.toMatch(/[ .]$/);
    expect(Buffer.byteLength(segment, "utf8")).toBeLessThanOrEqual(255);
  }
}

describe("hostile names", () => {
  it("every output lands inside out/ under a safe, distinct name, and nothing is written anywhere else", async () => {
    const workstreams = await writeHostilePlan();
    const before = await listAll(root);
    const result = await buildOutputs({ planDir: path.join(root, "plan"), root });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
    // One prompt per workstream: no two hostile ids collapse into one file.
    expect(result.files.filter((f) => f.path.startsWith("prompts/"))).toHaveLength(workstreams + 2);
    expect(result.files.filter((f) => f.path.startsWith("sessions/"))).toHaveLength(3);
    for (const file of result.files) expectSafe(file.path);
    expect(new Set(result.files.map((f) => f.path.toLowerCase())).size).toBe(result.files.length);

    const { report } = await syncOutputs(path.join(root, "out"), result.files, { force: false });
    expect(report.written).toHaveLength(result.files.length);
    const after = await listAll(root);
    expect(after.filter((f) => !before.includes(f)).sort()).toEqual(result.files.map((f) => `out/${f.path}`).sort());
  });

  it("the built binary does the same", async () => {
    await writeHostilePlan();
    const before = await listAll(root);
    const run = await runCli(["generate"], root);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const created = (await listAll(root)).filter((f) => !before.includes(f) && !f.startsWith(".paraplan-cache/"));
    expect(created.length).toBeGreaterThan(20);
    for (const file of created) {
      expect(file.startsWith("out/")).toBe(true);
      expectSafe(file.slice("out/".length));
    }
  });
});

describe("symbolic links", () => {
  it("a plan file linked to a file outside the plan is refused with a diagnostic, not read", async () => {
    await put("secret.md", "---\nid: SECRET\ndays: 1\n---\n\n# SECRET: do not read\n");
    await symlink(path.join(root, "secret.md"), path.join(root, "plan", "workstreams", "S1.md"));
    const result = await buildOutputs({ planDir: path.join(root, "plan"), root });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file])).toEqual([["symlink-outside-plan", "plan/workstreams/S1.md"]]);
    expect(JSON.stringify(result.plan)).not.toContain("SECRET");
  });

  it("a template (or a folder of partials) linked outside the template folder is refused with a diagnostic", async () => {
    await put("secret.hbs", "SECRET {{id}}\n");
    await mkdir(path.join(root, "templates"));
    await symlink(path.join(root, "secret.hbs"), path.join(root, "templates", "prompt.md.hbs"));
    const linkedFile = await buildOutputs({ planDir: path.join(root, "plan"), templatesDir: path.join(root, "templates"), root });
    expect(linkedFile.files).toEqual([]);
    expect(linkedFile.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file])).toEqual([["symlink-outside-templates", "templates/prompt.md.hbs"]]);

    await rm(path.join(root, "templates", "prompt.md.hbs"));
    await mkdir(path.join(root, "elsewhere"));
    await symlink(path.join(root, "elsewhere"), path.join(root, "templates", "partials"));
    const linkedFolder = await buildOutputs({ planDir: path.join(root, "plan"), templatesDir: path.join(root, "templates"), root });
    expect(linkedFolder.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["symlink-outside-templates"]);

    // A link that stays inside the template folder is followed.
    await rm(path.join(root, "templates", "partials"));
    await put("templates/shared/prompt.md.hbs", "# {{id}} from a linked template\n");
    await symlink(path.join(root, "templates", "shared", "prompt.md.hbs"), path.join(root, "templates", "prompt.md.hbs"));
    const inside = await buildOutputs({ planDir: path.join(root, "plan"), templatesDir: path.join(root, "templates"), root });
    expect(inside.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(inside.files.find((f) => f.path === "prompts/A1_PARSER.md")?.content).toContain("# A1 from a linked template");
  });

  it("an output folder linked outside out/ is never written through: exit 3, the target untouched", async () => {
    const { files } = await buildOutputs({ planDir: path.join(root, "plan"), root });
    await mkdir(path.join(root, "out"));
    await mkdir(path.join(root, "elsewhere"));
    await symlink(path.join(root, "elsewhere"), path.join(root, "out", "prompts"));
    await expect(syncOutputs(path.join(root, "out"), files, { force: true })).rejects.toBeInstanceOf(OutsideFolderError);
    expect(await readdir(path.join(root, "elsewhere"))).toEqual([]);

    const run = await runInProcess(["generate", "--force"], root);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^paraplan: refusing to use .*prompts: it is a symbolic link to .*elsewhere, outside the output folder/m);
    expect(await readdir(path.join(root, "elsewhere"))).toEqual([]);
  });

  it("an output file linked elsewhere is refused as not generated; --force replaces the link, never its target", async () => {
    const { files } = await buildOutputs({ planDir: path.join(root, "plan"), root });
    await put("victim.md", "precious\n");
    await mkdir(path.join(root, "out"));
    await symlink(path.join(root, "victim.md"), path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"));
    const refused = await syncOutputs(path.join(root, "out"), files, { force: false });
    expect(refused.report.refused).toEqual([{ path: "PARALLEL_EXECUTION_PLAN.md", kind: "foreign" }]);
    expect(await readFile(path.join(root, "victim.md"), "utf8")).toBe("precious\n");

    const forced = await syncOutputs(path.join(root, "out"), files, { force: true });
    expect(forced.report.written).toContain("PARALLEL_EXECUTION_PLAN.md");
    expect((await lstat(path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"))).isSymbolicLink()).toBe(false);
    expect(await readFile(path.join(root, "victim.md"), "utf8")).toBe("precious\n");
  });
});

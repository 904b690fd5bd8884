import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { listPlanFiles } from "../../src/io/list-plan-files.js";
import { PlanNotFoundError, readPlan, readPlanFile } from "../../src/io/read-plan.js";
import { showAll } from "../parse/helpers.js";

let root: string;
let planDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-read-"));
  planDir = path.join(root, "plan");
  await mkdir(planDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a file under the temporary root, creating its folders. */
async function put(relative: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("readPlan: which files, in which order", () => {
  it("reads only `.md` files (any case), skipping hidden files and folders, node_modules and templates", async () => {
    await put("plan/project.md", "# Demo\n");
    await put("plan/agents/a.MD", "# A\n");
    await put("plan/notes.txt", "not read");
    await put("plan/diagram.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x00]));
    await put("plan/workstreams/TD1", "# TD1: no extension\n");
    await put("plan/.draft.md", "# hidden\n");
    await put("plan/.git/HEAD.md", "# hidden folder\n");
    await put("plan/node_modules/x/readme.md", "# dependency\n");
    await put("plan/templates/workstream.md", "# a template\n");
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.file)).toEqual(["plan/agents/a.MD", "plan/project.md"]);
  });

  it("reads files in sorted order, whatever order they were created in", async () => {
    const names = ["workstreams/TD2-b.md", "workstreams/TD10-c.md", "workstreams/TD1-a.md", "project.md", "agents/z.md", "agents/a.md", "gates.md"];
    for (const name of names) await put(`plan/${name}`, "# X\n");
    const { files } = await readPlan(planDir, root);
    expect(files.map((f) => f.file)).toEqual([
      "plan/agents/a.md",
      "plan/agents/z.md",
      "plan/gates.md",
      "plan/project.md",
      "plan/workstreams/TD1-a.md",
      "plan/workstreams/TD10-c.md",
      "plan/workstreams/TD2-b.md",
    ]);
    const listed = await listPlanFiles(planDir, root);
    expect(listed.files.map((f) => f.relative)).toEqual(files.map((f) => f.file.slice("plan/".length)));
  });

  it("shows paths relative to the working directory, with `/`, and decides kinds by the path inside the plan", async () => {
    await put("plan/workstreams/TD1-a.md", "---\nid: TD1\ndays: 1\n---\n");
    const { files } = await readPlan(planDir, path.join(root, "plan", "workstreams"));
    expect(files.map((f) => [f.file, f.kind, f.records.length])).toEqual([["TD1-a.md", "workstream", 1]]);
    const fromAbove = await readPlan(planDir, path.dirname(root));
    expect(fromAbove.files.map((f) => f.file)).toEqual([`${path.basename(root)}/plan/workstreams/TD1-a.md`]);
    const fromPlan = await readPlan(planDir, planDir);
    expect(fromPlan.files.map((f) => f.file)).toEqual(["workstreams/TD1-a.md"]);
    await mkdir(path.join(root, "docs"));
    const fromBeside = await readPlan(planDir, path.join(root, "docs"));
    expect(fromBeside.files.map((f) => f.file)).toEqual(["../plan/workstreams/TD1-a.md"]);
  });

  it("throws PlanNotFoundError for a plan folder that does not exist or is a file", async () => {
    await expect(readPlan(path.join(root, "missing"), root)).rejects.toBeInstanceOf(PlanNotFoundError);
    const file = await put("plan.md", "# not a folder\n");
    await expect(readPlan(file, root)).rejects.toThrow(`plan folder not found: ${file}`);
  });
});

describe("readPlan: encodings", () => {
  const notUtf8 = (at: string) => ({ at, severity: "error", code: "not-utf8", message: "file is not valid UTF-8 text", hint: 'Save the file as UTF-8 (your editor\'s "Save with encoding" option).' });

  it("reports a non-UTF-8 file at its first bad byte, and does not parse it", async () => {
    // Latin-1 `é` (0xE9) after `name: Caf` on line 3.
    await put("plan/workstreams/TD1-a.md", bytes("---\nid: TD1\nname: Caf", [0xe9], "\ndays: 1\n---\n"));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(files).toEqual([]);
    expect(showAll(diagnostics)).toEqual([notUtf8("plan/workstreams/TD1-a.md:3:10")]);
    expect(diagnostics[0]!.start).toEqual({ line: 3, column: 10, offset: 21 });
  });

  it("finds the first bad byte in every kind of broken sequence", async () => {
    const cases: [string, Buffer, string][] = [
      ["lone continuation byte", bytes("ab", [0x80], "c"), "1:3"],
      ["invalid lead byte", bytes("# T\n", [0xff]), "2:1"],
      ["lead byte followed by ASCII", bytes("ab", [0xc3, 0x28]), "1:3"],
      ["sequence cut off by the end of the file", bytes("a\nb€", [0xe2, 0x82]), "2:3"],
      ["overlong encoding", bytes("x", [0xc0, 0xaf]), "1:2"],
      ["after wide characters", bytes("😀é\n😀x", [0xfe]), "2:4"],
    ];
    for (const [what, content, at] of cases) {
      const file = await put(`plan/agents/${what.replace(/ /g, "-")}.md`, content);
      const { diagnostics } = readPlanFile(file, "x.md", "agents/x.md");
      expect(
        showAll(diagnostics).map((d) => d.at),
        what,
      ).toEqual([`x.md:${at}`]);
    }
  });

  it("drops a byte-order mark, so front matter after it is still front matter", async () => {
    await put("plan/workstreams/TD1-a.md", bytes([0xef, 0xbb, 0xbf], "---\nid: TD1\ndays: 1\n---\n"));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(diagnostics).toEqual([]);
    expect(files[0]!.diagnostics).toEqual([]);
    expect(files[0]!.records[0]!.fields.get("id")?.value).toBe("TD1");
    const read = readPlanFile(path.join(planDir, "workstreams/TD1-a.md"), "f", "workstreams/TD1-a.md");
    expect(read.planFile?.text.startsWith("---\n")).toBe(true);
  });

  it("counts positions after a byte-order mark from the first character of the text", async () => {
    const file = await put("plan/agents/a.md", bytes([0xef, 0xbb, 0xbf], "ab", [0xff]));
    const { diagnostics } = readPlanFile(file, "a.md", "agents/a.md");
    expect(showAll(diagnostics).map((d) => d.at)).toEqual(["a.md:1:3"]);
  });

  it("reports a file with NUL bytes as binary, even when the rest is not UTF-8", async () => {
    await put("plan/workstreams/logo.md", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(diagnostics).toEqual([]);
    expect(showAll(files[0]!.diagnostics).map((d) => `${d.at} ${d.code}`)).toEqual(["plan/workstreams/logo.md:1:1 binary-file"]);
  });

  it("reports a file it cannot read instead of throwing", async () => {
    const dir = path.join(planDir, "agents");
    await mkdir(dir);
    const { planFile, diagnostics } = readPlanFile(dir, "plan/agents", "agents");
    expect(planFile).toBeUndefined();
    expect(showAll(diagnostics)).toEqual([{ at: "plan/agents:1:1", severity: "error", code: "unreadable-file", message: "file cannot be read (EISDIR)", hint: "Check the file's permissions." }]);
  });
});

describe("readPlan: symbolic links", () => {
  const outside = (at: string) => ({
    at,
    severity: "error",
    code: "symlink-outside-plan",
    message: "symbolic link points outside the plan folder (or nowhere) and is not read",
    hint: "Replace the link with a copy of the file, or remove it.",
  });

  it("refuses a link to a file outside the plan folder, and a broken link", async () => {
    await put("secret.md", "---\nid: TD9\ndays: 1\n---\n");
    await mkdir(path.join(planDir, "workstreams"));
    await symlink(path.join(root, "secret.md"), path.join(planDir, "workstreams", "TD9-a.md"));
    await symlink("../../nowhere.md", path.join(planDir, "workstreams", "TD8-b.md"));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(files).toEqual([]);
    expect(showAll(diagnostics)).toEqual([outside("plan/workstreams/TD8-b.md:1:1"), outside("plan/workstreams/TD9-a.md:1:1")]);
  });

  it("refuses a link to a folder outside the plan, and to a sibling folder whose name starts like the plan's", async () => {
    await put("elsewhere/workstreams/TD1.md", "# TD1: A\n");
    await put("plan-old/TD2.md", "# TD2: B\n");
    await symlink(path.join(root, "elsewhere", "workstreams"), path.join(planDir, "workstreams"));
    await symlink(path.join(root, "plan-old"), path.join(planDir, "risks"));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(files).toEqual([]);
    expect(showAll(diagnostics).map((d) => d.at)).toEqual(["plan/risks:1:1", "plan/workstreams:1:1"]);
  });

  it("follows a link that stays inside the plan folder", async () => {
    await put("plan/shared/TD1.md", "---\nid: TD1\ndays: 1\n---\n");
    await mkdir(path.join(planDir, "workstreams"));
    await symlink("../shared/TD1.md", path.join(planDir, "workstreams", "TD1-a.md"));
    const { files, diagnostics } = await readPlan(planDir, root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.file, f.kind])).toEqual([
      ["plan/shared/TD1.md", undefined],
      ["plan/workstreams/TD1-a.md", "workstream"],
    ]);
  });

  it("accepts a plan folder that is itself reached through a link", async () => {
    await put("real/project.md", "# Demo\n");
    const linked = path.join(root, "linked");
    await symlink(path.join(root, "real"), linked);
    const { files, diagnostics } = await readPlan(linked, root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.file)).toEqual(["linked/project.md"]);
  });
});

describe("loadPlan", () => {
  it("reads, parses and validates, with every diagnostic sorted and the plan folder shown relative to cwd", async () => {
    await put("plan/workstreams/TD1-a.md", "---\nid: TD1\ndays: 1\npriority: urgent\nwave: 1\nagent: python-pro\n---\n");
    await put("plan/waves.md", "| Wave |\n| --- |\n| 1 |\n");
    await put("plan/agents/x.md", bytes([0xff]));
    await put("plan/agents/python-pro.md", "# Python Pro\n");
    const { plan, diagnostics } = await loadPlan(planDir, root);
    expect(plan.workstreams.map((w) => w.id)).toEqual(["TD1"]);
    expect(showAll(diagnostics).map((d) => `${d.at} ${d.code}`)).toEqual(["plan/agents/x.md:1:1 not-utf8", "plan/project.md:1:1 missing-project", "plan/workstreams/TD1-a.md:4:11 invalid-value"]);
  });
});

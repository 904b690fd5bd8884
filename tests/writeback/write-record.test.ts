import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPlanFile, readPlanForWrite, readVersion, writeVersions } from "../../src/io/write-record.js";
import { FileChangedError, FileExistsError } from "../../src/diagnostics/errors.js";
import { lines, PROJECT } from "../parse/helpers.js";

/** A small plan in a temporary folder; returns the folder that holds `plan/`. */
async function tinyPlan(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-write-record-"));
  await mkdir(path.join(root, "plan", "risks"), { recursive: true });
  await writeFile(path.join(root, "plan", "project.md"), PROJECT);
  await writeFile(path.join(root, "plan", "risks", "R1-late.md"), `\uFEFF${lines("---", "id: R1", "severity: high", "---", "", "# R1: Late")}`);
  await writeFile(path.join(root, "plan", "risks", "R2-early.md"), lines("---", "id: R2", "severity: low", "---", "", "# R2: Early"));
  return root;
}

describe("write-record", () => {
  it("writes new texts over the files it read, keeping a byte-order mark", async () => {
    const root = await tinyPlan();
    const snapshot = await readPlanForWrite(path.join(root, "plan"), root);
    const r1 = await readVersion(snapshot, "plan/risks/R1-late.md");
    expect(r1.bom).toBe(true);
    await writeVersions(snapshot.planDir, [{ version: r1, text: r1.text.replace("high", "low") }]);
    expect(await readFile(path.join(root, "plan", "risks", "R1-late.md"), "utf8")).toBe(`\uFEFF${lines("---", "id: R1", "severity: low", "---", "", "# R1: Late")}`);
  });

  it("writes nothing at all when any of the files changed since it was read", async () => {
    const root = await tinyPlan();
    const snapshot = await readPlanForWrite(path.join(root, "plan"), root);
    const r1 = await readVersion(snapshot, "plan/risks/R1-late.md");
    const r2 = await readVersion(snapshot, "plan/risks/R2-early.md");
    const r2File = path.join(root, "plan", "risks", "R2-early.md");
    await writeFile(r2File, `${r2.text}\nSaved by someone else.\n`);
    await expect(
      writeVersions(snapshot.planDir, [
        { version: r1, text: "changed" },
        { version: r2, text: "changed" },
      ]),
    ).rejects.toBeInstanceOf(FileChangedError);
    expect(await readFile(path.join(root, "plan", "risks", "R1-late.md"), "utf8")).toBe(`\uFEFF${r1.text}`);
    expect(await readFile(r2File, "utf8")).toBe(`${r2.text}\nSaved by someone else.\n`);
  });

  it("refuses to read for an edit a file whose text is no longer the text the plan was read from", async () => {
    const root = await tinyPlan();
    const snapshot = await readPlanForWrite(path.join(root, "plan"), root);
    await writeFile(path.join(root, "plan", "risks", "R2-early.md"), "# R2: Changed\n");
    await expect(readVersion(snapshot, "plan/risks/R2-early.md")).rejects.toThrow("plan/risks/R2-early.md changed on disk since it was read; nothing was written");
  });

  it("creates a new file, never replacing one, and never outside the plan folder", async () => {
    const root = await tinyPlan();
    const plan = path.join(root, "plan");
    await createPlanFile(plan, "decisions/0001-x.md", "plan/decisions/0001-x.md", "# 1. X\n");
    expect(await readFile(path.join(plan, "decisions", "0001-x.md"), "utf8")).toBe("# 1. X\n");
    await expect(createPlanFile(plan, "risks/R2-early.md", "plan/risks/R2-early.md", "replaced")).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(path.join(plan, "risks", "R2-early.md"), "utf8")).toContain("# R2: Early");
    await expect(createPlanFile(plan, "../outside.md", "outside.md", "x")).rejects.toThrow("refusing to create a file outside the plan folder");
  });
});

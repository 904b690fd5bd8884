import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dateOf, workingDayOf } from "../../src/render/views/figures.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let project: string;

/** Runs the CLI in-process in the project, without the disk cache. */
const paraplan = (...argv: string[]) => runInProcess(["--no-cache", ...argv], project);

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-start-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
});
afterEach(async () => rm(project, { recursive: true, force: true }));

describe("a start_date on a non-working day", () => {
  it("is warned about, and day 1 is the Monday after in the text, the timeline and the session days alike", async () => {
    const file = path.join(project, "plan", "project.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("start_date: 2025-10-17", "start_date: 2026-12-05"));
    const validated = await paraplan("validate");
    expect(validated.stdout).toContain(
      "plan/project.md:7:13 warning start-not-working-day start_date 2026-12-05 is a Saturday, not a working day: day 1 is Monday 2026-12-07\n  hint: Write `start_date: 2026-12-07`",
    );
    expect(validated.code).toBe(0);
    expect((await paraplan("generate")).code).toBe(0);
    const plan = await readFile(path.join(project, "out", "PARALLEL_EXECUTION_PLAN.md"), "utf8");
    expect(plan).toMatch(/Day 1 is 2026-12-07,/);
    expect(plan).not.toContain("2026-12-05");
    expect(plan).toContain("TD2 Config Management :w2, 2026-12-07, 2d");
  });

  it("counts working days from the Monday after: dateOf and workingDayOf agree", () => {
    for (const start of ["2026-12-05", "2026-12-06", "2026-12-07"]) {
      expect(dateOf(start, 1)).toBe("2026-12-07");
      expect(workingDayOf(start, "2026-12-07")).toBe(1);
      expect(workingDayOf(start, "2026-12-08")).toBe(2);
    }
  });

  it("says nothing of a start on a weekday", async () => {
    expect((await paraplan("validate")).stdout).not.toContain("start-not-working-day");
  });
});

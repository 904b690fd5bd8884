/** Scheduling problems about one field point at that field as written, not at the start of its record. */
import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../src/schedule/index.js";
import { build, lines } from "../parse/helpers.js";

const ws = (id: string, ...fields: string[]) => lines("---", `id: ${id}`, "days: 2", ...fields, "---", "", `# ${id}: Work`);

describe("positions of scheduling problems", () => {
  const { plan } = build({
    "project.md": lines("---", "name: demo", "max_parallel: 1", "target_days: 3", "---", "", "# Demo"),
    "waves.md": lines("# Waves", "", "| Wave | Day | Workstreams |", "| --- | --- | --- |", "| 1 | 1 | A, B |", "| 2 | 9 | C |"),
    "workstreams/A-a.md": ws("A"),
    "workstreams/B-b.md": ws("B"),
    "workstreams/C-c.md": ws("C", "wave: 1"),
  });
  const found = computeSchedule(plan).diagnostics.map((d) => ({
    code: d.code,
    at: `${d.file}:${d.start.line}:${d.start.column}`,
    related: (d.related ?? []).map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`),
  }));

  it("a late wave, at its planned day", () => {
    expect(found.find((d) => d.code === "wave-late")?.at).toBe("plan/waves.md:5:7");
  });

  it("running more at once than max_parallel, at max_parallel", () => {
    expect(found.find((d) => d.code === "too-many-parallel")?.at).toBe("plan/project.md:3:15");
  });

  it("a missed target, at target_days", () => {
    expect(found.find((d) => d.code === "target-missed")?.at).toBe("plan/project.md:4:14");
  });

  it("a wave that disagrees with a workstream's own, at that workstream's `wave`", () => {
    expect(found.find((d) => d.code === "wave-mismatch")?.related).toEqual(["plan/workstreams/C-c.md:4:7 C says wave 1"]);
  });
});

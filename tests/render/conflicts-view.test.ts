import path from "node:path";
import { describe, expect, it } from "vitest";
import { conflictsView } from "../../src/render/views/conflicts-view.js";
import type { FileConflict } from "../../src/schedule/types.js";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

const side = (workstream: string, kind: "owns" | "touches" = "touches") => ({ workstream, pattern: "x", kind });
const conflict = (file: string, a: string, b: string, overlap: number[], rule: string | null = null): FileConflict => ({
  file,
  sides: [side(a, "owns"), side(b)],
  overlapping: overlap.length > 0,
  days: { low: overlap, high: overlap },
  rule: rule ? { file, rule } : null,
});

describe("the file-conflicts tables", () => {
  it("give one row per file, list the pairs that overlap with their days, and set apart files whose pairs never overlap", () => {
    const view = conflictsView([
      conflict("src/config.py", "TD2", "WS3", [1, 2], "TD2 wins"),
      conflict("src/config.py", "WS2", "WS3", [3, 4, 5], "TD2 wins"),
      conflict("src/config.py", "TD2", "WS2", []),
      conflict("src/api.py", "TD1", "TD3", []),
      conflict("src/api.py", "TD2", "TD3", [], "merge both"),
    ]);
    expect(view.overlapping).toEqual([
      { file: "src/config.py", workstreams: "TD2 (owns), WS2 (owns, touches), WS3 (touches)", overlaps: "TD2 + WS3 on days 1–2; WS2 + WS3 on days 3–5", rule: "TD2 wins", missingFor: null },
    ]);
    expect(view.apart).toEqual([{ file: "src/api.py", workstreams: "TD1 (owns), TD2 (owns), TD3 (touches)", rule: "merge both" }]);
    expect(conflictsView([]).any).toBe(false);
  });

  it("show each shared file of the embedded plan once", async () => {
    const { byPath } = await renderPlan(path.join(REPO, "plan"), REPO);
    const plan = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
    const section = plan.slice(plan.indexOf("## File conflicts"), plan.indexOf("## Risks"));
    const files = section
      .split("\n")
      .filter((l) => l.startsWith("| `"))
      .map((l) => l.split(" | ")[0]);
    expect(files.length).toBeGreaterThan(3);
    expect(new Set(files).size).toBe(files.length);
    expect(section).toContain("| `src/config.py` | TD2 (owns), WS2 (touches), WS3 (touches) | TD2 + WS3 on days 1–2; WS2 + WS3 on days 3–5 |");
    const apart = section.slice(section.indexOf("set apart"));
    expect(apart).toContain("| `src/api_client.py` | TD1 (touches), TD2 (touches), TD3 (owns) |");
  });
});

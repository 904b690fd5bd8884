import { describe, expect, it } from "vitest";
import { nextId, nextNumber } from "../../src/writeback/next-id.js";
import { resolveRef } from "../../src/writeback/resolve-ref.js";
import { build, lines, parse, PROJECT } from "../parse/helpers.js";

describe("nextId", () => {
  it("continues the most common prefix, with one more than its highest number", () => {
    expect(nextId(["TD1", "TD2", "TD3", "TD4", "WS1", "WS2", "WS3"], "W")).toBe("TD5");
    expect(nextId(["TD1", "TD7", "WS1"], "W")).toBe("TD8");
    expect(nextId(["WS1", "TD1"], "W")).toBe("TD2");
    expect(nextId(["R01", "R02", "R09"], "R")).toBe("R10");
    expect(nextId(["R01", "R02"], "R")).toBe("R03");
    expect(nextId([], "R")).toBe("R1");
    expect(nextId(["setup", "review"], "W")).toBe("W1");
  });

  it("gives the next ADR number", () => {
    expect(nextNumber([1, 2, 3])).toBe(4);
    expect(nextNumber([7, 2])).toBe(8);
    expect(nextNumber([])).toBe(1);
  });
});

describe("resolveRef", () => {
  const files = {
    "project.md": PROJECT,
    "workstreams/TD2-config.md": lines("---", "id: TD2", "days: 1", "---", "", "# TD2: Config"),
    "risks/R1-late.md": lines("---", "id: R1", "severity: high", "---", "", "# R1: Late"),
    "decisions/0003-config.md": lines("---", "status: accepted", "---", "", "# 3. Config"),
    "sessions/2025-10-16-setup.md": lines("# Session: Setup"),
    "sessions/2025-10-17-a.md": lines("# Session: A"),
    "sessions/2025-10-17-b.md": lines("# Session: B"),
    "gates.md": lines("| Id | Command |", "| --- | --- |", "| tests | `pytest` |", "| TD2 | `x` |"),
    "waves.md": lines("| Wave | Workstreams |", "| --- | --- |", "| 1 | TD2 |", "| 2 | TD2 |"),
  };
  const { plan } = build(files);
  const parsed = Object.entries(files).map(([relative, text]) => parse(relative, text));
  const find = (ref: string) => {
    const found = resolveRef(plan, parsed, ref);
    return "message" in found ? `${found.message}${found.hint ? ` | ${found.hint}` : ""}` : `${found.kind} ${found.file}#${found.index}`;
  };

  it("finds records by id, ADR number, wave, session date and kind:id", () => {
    expect(find("R1")).toBe("risk plan/risks/R1-late.md#0");
    expect(find("r1")).toBe("risk plan/risks/R1-late.md#0");
    for (const ref of ["ADR-3", "adr3", "3", "0003", "decision:3"]) expect(find(ref)).toBe("decision plan/decisions/0003-config.md#0");
    expect(find("wave-2")).toBe("wave plan/waves.md#1");
    expect(find("2025-10-16")).toBe("session plan/sessions/2025-10-16-setup.md#0");
    expect(find("2025-10-17-b")).toBe("session plan/sessions/2025-10-17-b.md#0");
    expect(find("gate:tests")).toBe("gate plan/gates.md#0");
    expect(find("project")).toBe("project plan/project.md#0");
  });

  it("says which records an ambiguous reference names, and suggests the nearest for an unknown one", () => {
    expect(find("TD2")).toBe("`TD2` names 2 records: TD2, gate TD2 | Say which with kind:id, e.g. workstream:TD2.");
    expect(find("workstream:TD2")).toBe("workstream plan/workstreams/TD2-config.md#0");
    expect(find("2025-10-17")).toBe("`2025-10-17` names 2 records: session 2025-10-17-a, session 2025-10-17-b | Add the slug: 2025-10-17-a, 2025-10-17-b.");
    expect(find("R11")).toBe("no record `R11` in the plan | Did you mean `R1`?");
    expect(find("ADR-9")).toMatch(/^no record `ADR-9` in the plan/);
  });
});

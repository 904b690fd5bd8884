import { describe, expect, it } from "vitest";
import { auditBranches, type BranchState } from "../../src/git/audit.js";
import type { FileChange } from "../../src/git/branch-changes.js";
import { makeWorkstream } from "../schedule/make-plan.js";

const plan = [
  makeWorkstream({ id: "A", owns: ["src/a/"], touches: ["docs/*.md"] }),
  makeWorkstream({ id: "B", owns: ["src/b.ts"], touches: ["shared.json"] }),
  makeWorkstream({ id: "C", owns: ["./lib/c.ts"] }),
];
const committed = (path: string, from?: string): FileChange => ({ path, status: from ? "R" : "M", where: "committed", ...(from ? { from } : {}) });
const branch = (id: string, changes: FileChange[], exists = true): BranchState => ({ id, branch: `ws/${id}`, base: "main", exists, changes });

describe("auditBranches", () => {
  it("matches globs and directories as the schedule does; a glob owner gets no ownership-transfer fix", () => {
    const report = auditBranches(plan, [branch("B", [committed("src/a/deep/x.ts"), committed("docs/guide.md"), committed("src/b.ts")])]);
    const findings = report.workstreams[0]!.findings;
    const trespass = findings.find((f) => f.kind === "trespass");
    const undeclared = findings.find((f) => f.kind === "undeclared");
    expect(trespass).toMatchObject({ kind: "trespass", file: "src/a/deep/x.ts", owners: ["A"], fixes: ["paraplan add B touches src/a/deep/x.ts"] });
    expect(undeclared).toMatchObject({ kind: "undeclared", file: "docs/guide.md", touchedBy: ["A"] });
    expect(undeclared!.message).toContain("(A touches it)");
    expect(report.summary).toEqual({ trespass: 1, undeclared: 1, untouched: 1, missingBranches: 0 });
  });

  it("counts a rename for both paths: moving another's file away is a trespass on it", () => {
    const report = auditBranches(plan, [branch("B", [committed("src/b.ts", "lib/c.ts")])]);
    expect(report.workstreams[0]!.files).toEqual(["lib/c.ts", "src/b.ts"]);
    expect(report.workstreams[0]!.findings.map((f) => `${f.kind} ${f.file}`)).toEqual(["trespass lib/c.ts", "untouched shared.json"]);
    // C owns it as ./lib/c.ts: the transfer removes the entry as written.
    expect(report.workstreams[0]!.findings[0]!.fixes[1]).toBe("paraplan remove C owns ./lib/c.ts && paraplan add B owns lib/c.ts");
  });

  it("lists no untouched entries for a branch without changes, nor for a missing branch", () => {
    const report = auditBranches(plan, [branch("A", []), branch("C", [], false)]);
    expect(report.workstreams.flatMap((w) => w.findings)).toEqual([]);
    expect(report.summary.missingBranches).toBe(1);
  });
});

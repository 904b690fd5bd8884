/** `worktrees` records each prompt it writes as a delivery, so `amend` knows what each agent received (#20). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { commitAll, demoRepository, editByHand, gitIn } from "./git-project.js";

describe("worktrees and the delivery record", () => {
  it("records the commit and stamp of every PROMPT.md it writes; the record does not make the plan dirty; amend compares with it", async () => {
    const { root } = await demoRepository("paraplan-wt-delivery-");
    await editByHand(root, "plan/project.md", "base_branch: main\n", `base_branch: main\nworktree_pattern: ../${path.basename(root)}-wt/{slug}\n`);
    const head = commitAll(root, "worktrees beside the project");
    const created = await runInProcess(["worktrees", "TD1", "WS1"], root);
    expect(created.code, created.stderr).toBe(0);
    const record = JSON.parse(await readFile(path.join(root, "plan", ".paraplan", "delivered.json"), "utf8")) as { workstreams: Record<string, { commit: string; dirty: boolean; prompt: string }> };
    expect(Object.keys(record.workstreams)).toEqual(["TD1", "WS1"]);
    // The second delivery was written after the record existed: an untracked record is not a dirty plan.
    expect(record.workstreams.WS1).toMatchObject({ commit: head, dirty: false });
    const prompt = await readFile(path.join(path.dirname(root), `${path.basename(root)}-wt`, "docs", "PROMPT.md"), "utf8");
    expect(prompt).toContain("# WS1: Docs");
    expect((await runInProcess(["amend", "TD1"], root)).stderr).toBe(`nothing changed for TD1 since ${head.slice(0, 7)}\n`);
    expect((await runInProcess(["set", "TD1", "days", "3"], root)).code).toBe(0);
    expect((await runInProcess(["amend", "TD1"], root)).stdout).toContain("## Your days\n\n3 days:");
    // An edit of a plan file after the delivery is a dirty plan at the next one.
    expect((await runInProcess(["prompt", "TD1", "--mark-delivered"], root)).code).toBe(0);
    const again = JSON.parse(await readFile(path.join(root, "plan", ".paraplan", "delivered.json"), "utf8")) as typeof record;
    expect(again.workstreams.TD1).toMatchObject({ commit: head, dirty: true });
    expect(gitIn(root, "status", "--porcelain", "--", "plan/.paraplan")).toBe("?? plan/.paraplan/\n");
  });
});

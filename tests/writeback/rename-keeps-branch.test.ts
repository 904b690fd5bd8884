/** Renaming a workstream keeps its derived branch and worktree unless --rename-branch (#17.14). */
import { cp, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-rename-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
  return root;
}

const FILE = "plan/workstreams/TD2-config-management.md";

describe("set <workstream> name", () => {
  it("writes the old branch and worktree into the record, and says so", async () => {
    const root = await project();
    const before = await readFile(path.join(root, FILE), "utf8");
    const result = await runInProcess(["set", "TD2", "name", "Settings Overhaul"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("  TD2 branch (new): workstream/config-management, written into the record so that it stays (--rename-branch moves it)\n");
    expect(result.stdout).toContain("  TD2 worktree (new): ../autoD-config-management, written into the record");
    expect(await readFile(path.join(root, FILE), "utf8")).toBe(
      before
        .replace("name: Config Management", "name: Settings Overhaul")
        .replace("status: planned\n", "status: planned\nbranch: workstream/config-management\nworktree: ../autoD-config-management\n")
        .replace("# TD2: Config Management", "# TD2: Settings Overhaul"),
    );
    const list = JSON.parse((await runInProcess(["export"], root)).stdout) as { plan: { workstreams: { id: string; branch: string; worktree: string }[] } };
    expect(list.plan.workstreams.find((w) => w.id === "TD2")).toMatchObject({ branch: "workstream/config-management", worktree: "../autoD-config-management" });
  });

  it("moves them with --rename-branch", async () => {
    const root = await project();
    const result = await runInProcess(["set", "TD2", "name", "Settings Overhaul", "--rename-branch"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("branch (new)");
    const list = JSON.parse((await runInProcess(["export"], root)).stdout) as { plan: { workstreams: { id: string; branch: string }[] } };
    expect(list.plan.workstreams.find((w) => w.id === "TD2")!.branch).toBe("workstream/settings-overhaul");
  });
});

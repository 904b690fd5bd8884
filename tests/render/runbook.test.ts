import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

let runbook: string;
let plan: string;
beforeAll(async () => {
  const { byPath } = await renderPlan(path.join(REPO, "plan"), REPO);
  plan = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
  runbook = plan.slice(plan.indexOf("## Runbook"), plan.indexOf("\n## ", plan.indexOf("## Runbook") + 1));
});

/** The block of one day of the runbook. */
const day = (title: string) => {
  const start = runbook.indexOf(`### ${title}\n`);
  expect(start, `no ${title}`).toBeGreaterThan(-1);
  const end = runbook.indexOf("\n### ", start + 1);
  return runbook.slice(start, end === -1 ? undefined : end);
};

describe("the execution plan's runbook", () => {
  it("lists the days something starts or merges, and only those", () => {
    expect(runbook.split("\n").filter((l) => l.startsWith("### "))).toEqual([
      "### Day 1 (2025-10-17)",
      "### Day 2 (2025-10-20)",
      "### Day 3 (2025-10-21)",
      "### Day 4 (2025-10-22)",
      "### Day 5 (2025-10-23)",
      "### Day 6 (2025-10-24)",
      "### Day 7 (2025-10-27)",
    ]);
  });

  it("makes the first day copy-ready: the worktrees to create, a launch command and prompt per session, what to read", () => {
    const first = day("Day 1 (2025-10-17)");
    expect(first).toContain(
      "```bash\ngit worktree add -b workstream/config-management ../autoD-config-management d5ec60b\ngit worktree add -b workstream/test-coverage ../autoD-test-coverage d5ec60b\ngit worktree add -b workstream/vector-store ../autoD-vector-store d5ec60b\ngit worktree add -b workstream/production-hardening ../autoD-production-hardening d5ec60b\n```",
    );
    expect(first).toContain("Start TD2 (Config Management), then paste\n[its prompt](prompts/TD2_CONFIG_MANAGEMENT.md):\n\n```bash\ncd ../autoD-config-management && claude\n```");
    expect(first.match(/&& claude\n/g)).toHaveLength(4);
    expect(first).toContain('for wt in ../autoD-config-management ../autoD-test-coverage ../autoD-vector-store ../autoD-production-hardening; do echo "== $wt"; head -n 20 "$wt/progress.md"');
    expect(first).not.toContain("Evening");
  });

  it("branches a later workstream from what it needs, and merges each wave on its evening with its gates", () => {
    expect(day("Day 3 (2025-10-21)")).toContain("git worktree add -b workstream/error-handling ../autoD-error-handling integration/wave1-config\n");
    expect(day("Day 5 (2025-10-23)")).toContain("git worktree add -b workstream/api-client-refactor ../autoD-api-client integration/wave2-error-handling\n");
    const merge = day("Day 2 (2025-10-20)");
    expect(merge).toContain("Evening: merge wave 1, Config Foundation (TD2)");
    expect(merge).toContain("```bash\ngit checkout -b integration/wave1-config d5ec60b\ngit merge --no-ff workstream/config-management\npytest tests/ -v\n");
    expect(merge).not.toContain("git worktree add");
  });

  it("agrees with the set-up section: the same worktree commands, each once", () => {
    const setup = plan.slice(plan.indexOf("## Setting up and monitoring the worktrees"));
    const adds = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("git worktree add ") || l.startsWith("git -C "))
        .sort();
    expect(adds(setup).length).toBe(7);
    expect(adds(runbook)).toEqual(adds(setup.slice(0, setup.indexOf("Check every worktree"))));
  });
});

describe("the agent command", () => {
  it("is `claude` by default, and the project's `agent_command` when it names one, in the runbook and the session log", async () => {
    expect(day("Day 1 (2025-10-17)")).toContain("cd ../autoD-config-management && claude\n");
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-agent-command-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const project = path.join(root, "plan", "project.md");
    await writeFile(project, (await readFile(project, "utf8")).replace("max_parallel: 7\n", "max_parallel: 7\nagent_command: codex --full-auto\n"));
    const { byPath } = await renderPlan(path.join(root, "plan"), root);
    expect(byPath["PARALLEL_EXECUTION_PLAN.md"]).toContain("cd ../autoD-config-management && codex --full-auto\n");
    expect(byPath["sessions/2025-10-16-parallel-execution-strategy-setup.md"]).toContain("cd ../autoD-config-management && codex --full-auto\n");
  });
});

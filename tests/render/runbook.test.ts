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
      "### Day 7 (2025-10-27)",
      "### Day 8 (2025-10-28)",
      "### Day 9 (2025-10-29)",
    ]);
  });

  it("makes the first day copy-ready: the worktrees to create, a launch command and prompt per session, what to read", () => {
    const first = day("Day 1 (2025-10-17)");
    expect(first).toContain(
      "```bash\ngit worktree add ../autoD-config-management -b workstream/config-management d5ec60b\ngit worktree add ../autoD-test-coverage -b workstream/test-coverage d5ec60b\ngit worktree add ../autoD-vector-store -b workstream/vector-store d5ec60b\ngit worktree add ../autoD-production-hardening -b workstream/production-hardening d5ec60b\n```",
    );
    expect(first).toContain("Start TD2 (Config Management), then paste\n[its prompt](prompts/TD2_CONFIG_MANAGEMENT.md):\n\n```bash\ncd ../autoD-config-management && claude\n```");
    expect(first.match(/&& claude\n/g)).toHaveLength(4);
    expect(first).toContain('for wt in ../autoD-config-management ../autoD-test-coverage ../autoD-vector-store ../autoD-production-hardening; do echo "== $wt"; head -n 20 "$wt/progress.md"');
    expect(first).not.toContain("Evening");
  });

  it("branches a later workstream from what it needs, and merges each wave on its evening with its gates", () => {
    expect(day("Day 3 (2025-10-21)")).toContain("git worktree add ../autoD-error-handling -b workstream/error-handling integration/wave1-config\n");
    const merge = day("Day 2 (2025-10-20)");
    expect(merge).toContain("Evening: merge wave 1, Config Foundation (TD2)");
    expect(merge).toContain("```bash\ngit checkout -b integration/wave1-config main\ngit merge workstream/config-management --no-ff\npytest tests/ -v\n");
    expect(merge).not.toContain("git worktree add");
  });

  it("agrees with the set-up section: it creates up front only the worktrees that branch from the base, with the same commands", () => {
    const setup = plan.slice(plan.indexOf("## Setting up and monitoring the worktrees"));
    const adds = (text: string) => text.split("\n").filter((l) => l.startsWith("git worktree add "));
    expect(adds(setup)).toEqual(adds(day("Day 1 (2025-10-17)")));
    for (const line of adds(setup)) expect(adds(runbook)).toContain(line);
    expect(setup).not.toContain("autoD-error-handling -b");
  });
});

import { describe, expect, it } from "vitest";
import { buildPlan, type RecordMemo } from "../../src/model/build-plan.js";
import { toSlug, worktreePath } from "../../src/model/build-records.js";
import { build, lines, parse, showAll, span } from "../parse/helpers.js";

// Every workstream names an agent (a missing one is the error `missing-agent`): the plans below share this persona.
const AGENT = { "agents/python-pro.md": lines("# Python Pro") };
const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);
const brief = (list: ReturnType<typeof build>["diagnostics"]) => showAll(list).map((d) => `${d.at} ${d.severity} ${d.code} ${d.message}`);

describe("defaults", () => {
  it("fills the project's defaults", () => {
    const { plan, diagnostics } = build({ "project.md": lines("# autoD") });
    expect(diagnostics).toEqual([]);
    expect(plan.project).toMatchObject({ name: "autoD", repository: ".", baseBranch: "main", worktreePattern: "../{project}-{slug}", summary: "", goals: [], resolutionProtocol: [] });
    expect(plan.project.baseCommit).toBeUndefined();
    expect(plan.project.startDate).toBeUndefined();
    expect(plan.project.maxParallel).toBeUndefined();
  });

  it("reads the project's fields where given", () => {
    const text = lines(
      "---",
      "name: autoD",
      "repository: ../autoD",
      "base_branch: develop",
      "base_commit: d5ec60b",
      'worktree_pattern: "../wt/{slug}"',
      "start_date: 2025-10-17",
      "max_parallel: 7",
      "---",
    );
    const { plan, diagnostics } = build({ "project.md": text });
    expect(diagnostics).toEqual([]);
    expect(plan.project).toMatchObject({
      name: "autoD",
      repository: "../autoD",
      baseBranch: "develop",
      baseCommit: "d5ec60b",
      worktreePattern: "../wt/{slug}",
      startDate: "2025-10-17",
      maxParallel: 7,
    });
  });

  it("takes an agent's id from its file name and its name from the title, else the id", () => {
    const { plan } = build({ "agents/python-pro.md": lines("# Python Pro"), "agents/test-automator.md": lines("## Role", "", "You test.") });
    expect(plan.agents.map((a) => [a.id, a.name, a.role])).toEqual([
      ["python-pro", "Python Pro", ""],
      ["test-automator", "test-automator", "You test."],
    ]);
  });

  it("fills a workstream's slug (github-slugger), branch, worktree, priority, status and lists", () => {
    const { plan, diagnostics } = build({
      "project.md": lines("---", "name: autoD", 'worktree_pattern: "../{project}-{slug}"', "---"),
      "workstreams/TD3-api.md": lines("---", "days: 2", "agent: python-pro", "---", "", "# TD3: API Client Refactor (v2) & Cleanup!"),
      ...AGENT,
    });
    expect(diagnostics).toEqual([]);
    expect(plan.workstreams[0]).toMatchObject({
      id: "TD3",
      name: "API Client Refactor (v2) & Cleanup!",
      slug: "api-client-refactor-v2-cleanup",
      branch: "workstream/api-client-refactor-v2-cleanup",
      worktree: "../autoD-api-client-refactor-v2-cleanup",
      priority: "medium",
      status: "planned",
      days: { low: 2, high: 2, text: "2" },
      dependsOn: [],
      softDependsOn: [],
      owns: [],
      touches: [],
    });
    expect(plan.workstreams[0]!.wave).toBeUndefined();
  });

  it("uses the default worktree pattern `../{project}-{slug}` when the project has none", () => {
    const { plan } = build({ "workstreams/TD2-x.md": lines("---", "id: TD2", "name: Config Management", "days: 1", "---") });
    expect(plan.workstreams[0]!.worktree).toBe("../demo-config-management");
  });

  it("keeps slug, branch and worktree when they are written", () => {
    const text = lines("---", "id: TD2", "name: Config", "days: 1", "slug: cfg", "worktree: /tmp/wt", "---");
    expect(build({ "workstreams/TD2-x.md": text }).plan.workstreams[0]).toMatchObject({ slug: "cfg", branch: "workstream/cfg", worktree: "/tmp/wt" });
    const withBranch = lines("---", "id: TD2", "name: Config", "days: 1", "branch: feature/config", "---");
    expect(build({ "workstreams/TD2-x.md": withBranch }).plan.workstreams[0]).toMatchObject({ slug: "config", branch: "feature/config" });
  });

  it("falls back to the id for the name, and to the file name for the id", () => {
    const { plan, diagnostics } = build({ "workstreams/TD7.md": lines("**Days:** 1", "**Agent:** python-pro"), ...AGENT });
    // `id` is required: its absence is reported, and the file name stands in so the plan stays usable.
    expect(brief(diagnostics)).toEqual(["plan/workstreams/TD7.md:1:1 error missing-field workstream has no `id`"]);
    expect(plan.workstreams[0]).toMatchObject({ id: "TD7", name: "TD7", slug: "td7" });
  });

  it("slugs like GitHub headings, never empty", () => {
    expect(toSlug("Config & Management")).toBe("config-management");
    expect(toSlug("Café Über")).toBe("café-über");
    expect(toSlug("!!!")).toBe("untitled");
    expect(worktreePath("../{project}/{id}-{slug}-{slug}", "autoD", "cfg", "TD2")).toBe("../autoD/TD2-cfg-cfg");
  });

  it("reads durations: numbers, fractions and ranges in either order", () => {
    const ws = (days: string) => lines("---", "id: TD1", `days: ${days}`, "---");
    const days = (value: string) => build({ "workstreams/TD1.md": ws(value) }).plan.workstreams[0]!.days;
    expect(days("2")).toEqual({ low: 2, high: 2, text: "2" });
    expect(days("1.5")).toEqual({ low: 1.5, high: 1.5, text: "1.5" });
    expect(days("1-2")).toEqual({ low: 1, high: 2, text: "1-2" });
    expect(days('"3 - 1"')).toEqual({ low: 1, high: 3, text: "1-3" });
  });

  it("takes an ADR's number from a field, else the file name, else the title, and reports a title that disagrees", () => {
    const { plan, diagnostics } = build({
      "decisions/0003-config.md": lines("# Config Management on the Critical Path", "", "* Status: accepted"),
      "decisions/0004-x.md": lines("# 12. Twelve"),
      "decisions/0005-y.md": lines("---", "number: 20", "---", "", "# 13. Thirteen"),
      "decisions/use-z.md": lines("# 21. Z"),
    });
    expect(brief(diagnostics.filter((d) => d.code === "decision-number-mismatch"))).toEqual([
      "plan/decisions/0004-x.md:1:1 warning decision-number-mismatch ADR number 4 (from the file name) differs from 12 in the title",
      "plan/decisions/0005-y.md:2:9 warning decision-number-mismatch ADR number 20 (from `number`) differs from 5 in the file name",
    ]);
    expect(plan.decisions.map((d) => [d.number, d.title, d.slug, d.status])).toEqual([
      [3, "Config Management on the Critical Path", "config", "accepted"],
      [4, "Twelve", "x", "proposed"],
      [20, "Thirteen", "thirteen", "proposed"],
      [21, "Z", "z", "proposed"],
    ]);
  });

  it("maps the ADR status words people write, and reads `Superseded by [N. …]`", () => {
    const adr = (status: string) => lines("# 1. A", "", `* Status: ${status}`);
    const decision = (status: string) => build({ "decisions/0001-a.md": adr(status), "decisions/0003-c.md": lines("# 3. C") }).plan.decisions[0]!;
    expect(decision("✅ Accepted")).toMatchObject({ status: "accepted", statusText: "✅ Accepted" });
    expect(decision("Approved")).toMatchObject({ status: "accepted" });
    expect(decision("Draft")).toMatchObject({ status: "proposed" });
    expect(decision("In Review")).toMatchObject({ status: "proposed" });
    expect(decision("Obsolete")).toMatchObject({ status: "deprecated" });
    const superseded = decision("Superseded by [3. C](0003-c.md)");
    expect(superseded).toMatchObject({ status: "superseded", supersededBy: { id: "0003-c.md" } });
    expect(span(superseded.supersededBy!.at)).toBe("3:25-3:42");
  });

  it("warns about an ADR status it cannot map, and lists the ADR as proposed", () => {
    const { plan, diagnostics } = build({ "decisions/0001-a.md": lines("# 1. A", "", "* Status: maybe later", "", "## Context", "", "C.", "", "## Decision", "", "D.") });
    expect(showAll(diagnostics)).toEqual([
      {
        at: "plan/decisions/0001-a.md:3:11",
        severity: "warning",
        code: "unknown-status",
        message: "decision status `maybe later` is not one of: proposed, accepted, rejected, deprecated, superseded",
        hint: "Use a standard status; the text is kept as written and the ADR is listed as proposed.",
      },
    ]);
    expect(plan.decisions[0]).toMatchObject({ status: "proposed", statusText: "maybe later" });
  });

  it("reads an ADR's consequences and alternatives into the model", () => {
    const text = lines("# 2. Waves", "", "## Consequences", "", "### Positive", "", "* Early.", "", "### Negative", "", "* Costly.", "", "## Alternatives Considered", "", "* Big bang.");
    const decision = build({ "decisions/0002-waves.md": text }).plan.decisions[0]!;
    expect(decision.consequences).toEqual({ text: "", positive: ["Early."], negative: ["Costly."] });
    expect(decision.alternatives).toEqual(["Big bang."]);
  });

  it("takes a session's date and slug from its file name, its title from the heading", () => {
    const { plan, diagnostics } = build({
      "sessions/2025-10-16-parallel-setup.md": lines("# Session: Parallel Execution Setup", "", "**Duration:** ~3 hours", "**Session Type:** Planning"),
      "sessions/2025-10-18.md": lines("**Status:** done"),
    });
    expect(diagnostics).toEqual([]);
    expect(plan.sessions.map((s) => [s.date, s.slug, s.title, s.duration, s.type, s.status])).toEqual([
      ["2025-10-16", "parallel-setup", "Parallel Execution Setup", "~3 hours", "Planning", undefined],
      ["2025-10-18", "2025-10-18", "2025-10-18", undefined, undefined, "done"],
    ]);
  });

  it("names a wave `Wave N`, and takes its number from a `waves/<n>-<slug>.md` file name", () => {
    const { plan, diagnostics } = build({
      "waves/2-error-handling.md": lines("# Error Handling", "", "**Day:** 3"),
      "waves/3-x.md": lines("---", "day: 5", "---"),
    });
    expect(diagnostics).toEqual([]);
    expect(plan.waves.map((w) => [w.number, w.name, w.day])).toEqual([
      [2, "Error Handling", 3],
      [3, "Wave 3", 5],
    ]);
  });

  it("reads a waves table with list cells, and shared sections on every wave", () => {
    const waves = lines(
      "| Wave | Name | Day | Branch | Workstreams | Coverage | Gates |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | Config | 2 | `integration/wave1` | TD2 | 55 | tests, types |",
      "| 2 | | | | `TD1`, TD2 | 60.5 | tests |",
      "",
      "## Merge Procedure",
      "",
      "Merge with `--no-ff`.",
    );
    const { plan, diagnostics } = build({
      "waves.md": waves,
      "gates.md": lines("| Id | Command |", "| --- | --- |", "| tests | `pytest` |", "| types | `mypy src/` |"),
      "workstreams/TD1.md": lines("# TD1: A", "", "**Days:** 1", "**Agent:** python-pro"),
      "workstreams/TD2.md": lines("# TD2: B", "", "**Days:** 1", "**Agent:** python-pro"),
      ...AGENT,
    });
    expect(diagnostics).toEqual([]);
    expect(plan.waves.map((w) => [w.number, w.name, w.day, w.branch, ids(w.workstreams), w.coverage, ids(w.gates), w.mergeProcedure])).toEqual([
      [1, "Config", 2, "integration/wave1", ["TD2"], 55, ["tests", "types"], "Merge with `--no-ff`."],
      [2, "Wave 2", undefined, undefined, ["TD1", "TD2"], 60.5, ["tests"], "Merge with `--no-ff`."],
    ]);
    expect(plan.waves[1]!.workstreams.map((r) => span(r.at))).toEqual(["4:14-4:17", "4:20-4:23"]);
    expect(plan.gates.map((g) => [g.id, g.name, g.command, g.appliesTo])).toEqual([
      ["tests", "tests", "pytest", "all"],
      ["types", "types", "mypy src/", "all"],
    ]);
  });

  it("reads a gate's `applies_to` as `all` or wave numbers", () => {
    const gates = lines("| Id | Command | Applies To |", "| --- | --- | --- |", "| a | x | ALL |", "| b | y | 3, 4, 5 |", "| c | z | 1 |");
    expect(build({ "gates.md": gates }).plan.gates.map((g) => g.appliesTo)).toEqual(["all", [3, 4, 5], [1]]);
  });

  it("reads gates written as a folder of files", () => {
    const { plan, diagnostics } = build({
      "gates/types.md": lines("---", "id: types", "command: mypy src/", "applies_to: [3, 4]", "---", "", "# Type checking"),
      "gates/tests.md": lines("# All tests pass", "", "**Id:** tests", "**Command:** pytest tests/ -v", "**Threshold:** no failures"),
    });
    expect(diagnostics).toEqual([]);
    expect(plan.gates.map((g) => [g.id, g.name, g.command, g.threshold, g.appliesTo])).toEqual([
      ["tests", "All tests pass", "pytest tests/ -v", "no failures", "all"],
      ["types", "Type checking", "mypy src/", undefined, [3, 4]],
    ]);
  });

  it("fills a risk's defaults", () => {
    const { plan, diagnostics } = build({ "risks/R2-x.md": lines("---", "id: R2", "severity: High", "---", "", "## Impact", "", "- a", "- b") });
    expect(diagnostics).toEqual([]);
    expect(plan.risks[0]).toMatchObject({ id: "R2", title: "R2", severity: "high", status: "open", impact: "- a\n- b", mitigation: [] });
  });

  it("splits a list written on one line, each entry with its own position", () => {
    const { plan } = build({
      "workstreams/TD1.md": lines("# TD1: A", "", "**Days:** 1", "**Depends On:** `TD2`, TD3", "**Soft Depends On:** TD2"),
      "workstreams/TD2.md": lines("# TD2: B", "", "**Days:** 1"),
      "workstreams/TD3.md": lines("# TD3: C", "", "**Days:** 1"),
    });
    const deps = plan.workstreams[0]!.dependsOn;
    expect(deps.map((d) => [d.id, span(d.at)])).toEqual([
      ["TD2", "4:17-4:22"],
      ["TD3", "4:24-4:27"],
    ]);
    expect(ids(plan.workstreams[0]!.softDependsOn)).toEqual(["TD2"]);
  });

  it("sorts records by natural id order, whatever the order of the files", () => {
    const files = {
      "workstreams/b.md": lines("# TD10: A", "", "**Days:** 1"),
      "workstreams/a.md": lines("# TD2: B", "", "**Days:** 1"),
      "workstreams/c.md": lines("# TD1: C", "", "**Days:** 1"),
    };
    const forward = build(files);
    const backward = buildPlan(
      Object.entries(files)
        .reverse()
        .map(([p, t]) => parse(p, t))
        .concat(parse("project.md", lines("# Demo"))),
    );
    expect(forward.plan.workstreams.map((w) => w.id)).toEqual(["TD1", "TD2", "TD10"]);
    expect(backward.plan.workstreams.map((w) => w.id)).toEqual(["TD1", "TD2", "TD10"]);
  });
});

describe("field values are checked against their type", () => {
  // The agent line goes last so that the positions of the lines under test do not move.
  const ws = (...fieldLines: string[]) => ({ "workstreams/TD1-x.md": lines("---", "id: TD1", ...fieldLines, "agent: python-pro", "---"), ...AGENT });

  it("rejects a bad enum value, with the allowed values and a did-you-mean hint", () => {
    expect(showAll(build(ws("days: 1", "priority: critcal")).diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-x.md:4:11",
        severity: "error",
        code: "invalid-value",
        message: "`priority` is `critcal`, expected one of: critical, high, medium, low",
        hint: "Did you mean `critical`?",
      },
    ]);
    expect(showAll(build(ws("days: 1", "status: shipped")).diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-x.md:4:9",
        severity: "error",
        code: "invalid-value",
        message: "`status` is `shipped`, expected one of: planned, in progress, blocked, done, merged",
        hint: "Use one of: planned, in progress, blocked, done, merged.",
      },
    ]);
  });

  it("accepts enum values in any case, with `_` or `-` for a space, and older spellings", () => {
    const { plan, diagnostics } = build(ws("days: 1", "priority: HIGH", "status: In_Progress"));
    expect(diagnostics).toEqual([]);
    expect(plan.workstreams[0]).toMatchObject({ priority: "high", status: "in progress" });
    expect(build(ws("days: 1", "status: Active")).plan.workstreams[0]).toMatchObject({ status: "in progress" });
  });

  it("rejects a bad duration", () => {
    const durationHint = "Working days: a number (`2`, `1.5`) or a range (`1-2`).";
    for (const [value, shown] of [
      ["two", "`two`"],
      ["0", "0"],
      ["-1", "-1"],
      ["1-", "`1-`"],
      ["2 days", "`2 days`"],
    ]) {
      expect(showAll(build(ws(`days: ${value}`)).diagnostics)).toEqual([
        {
          at: "plan/workstreams/TD1-x.md:3:7",
          severity: "error",
          code: "invalid-value",
          message: `\`days\` is ${shown}: expected a number of days (\`2\`, \`1.5\`) or a range (\`1-2\`)`,
          hint: durationHint,
        },
      ]);
    }
  });

  it("rejects a bad date, including days that do not exist", () => {
    for (const value of ["16/10/2025", "2025-13-01", "2025-02-30", "2025-10-16T10:00"]) {
      expect(showAll(build({ "sessions/2025-10-16-x.md": lines(`**Date:** ${value}`) }).diagnostics)).toEqual([
        {
          at: "plan/sessions/2025-10-16-x.md:1:11",
          severity: "error",
          code: "invalid-value",
          message: `\`date\` is \`${value}\`: expected a date like \`2025-10-16\``,
          hint: "Session date (default: from the file name `2025-10-16-...`).",
        },
      ]);
    }
    expect(build({ "sessions/2024-02-29-x.md": lines("# Leap") }).diagnostics).toEqual([]);
  });

  it("rejects numbers that are not whole, not numbers, or negative", () => {
    const waves = lines("| Wave | Day | Coverage |", "| --- | --- | --- |", "| one | 1.5 | 50% |", "| 2 | 3 | -5 |");
    expect(brief(build({ "waves.md": waves }).diagnostics)).toEqual([
      "plan/waves.md:3:3 error invalid-value `wave` is `one`: expected a whole number ≥ 0",
      "plan/waves.md:3:9 error invalid-value `day` is 1.5: expected a whole number ≥ 0",
      "plan/waves.md:3:15 error invalid-value `coverage` is `50%`: expected a number ≥ 0",
      "plan/waves.md:4:11 error invalid-value `coverage` is -5: expected a number ≥ 0",
    ]);
  });

  it("rejects a list that is not a list of names, and an empty name", () => {
    expect(brief(build(ws("days: 1", "depends_on: {TD2: yes}", "name: ''")).diagnostics)).toEqual([
      'plan/workstreams/TD1-x.md:4:13 error invalid-value `depends_on` is {"TD2":"yes"}: expected a list of names (`[TD1, TD2]` or `TD1, TD2`)',
      "plan/workstreams/TD1-x.md:5:7 error invalid-value `name` is ``: expected a line of text",
    ]);
  });

  it("points at the bad entry of a list", () => {
    expect(brief(build(ws("days: 1", "owns: [src/a.py, '', src/b.py]")).diagnostics)).toEqual([
      "plan/workstreams/TD1-x.md:4:18 error invalid-value `owns` is ``: expected a list of names (`[TD1, TD2]` or `TD1, TD2`)",
    ]);
  });

  it("rejects `applies_to` that is neither `all` nor wave numbers", () => {
    const gates = lines("| Id | Command | Applies To |", "| --- | --- | --- |", "| a | x | 1, later |");
    expect(brief(build({ "gates.md": gates }).diagnostics)).toEqual(['plan/gates.md:3:11 error invalid-value `applies_to` is [1,"later"]: expected `all` or wave numbers (`1, 3`)']);
  });

  it("reports a missing required field at the start of its record: the file, or the table row", () => {
    expect(showAll(build({ "workstreams/TD1-x.md": lines("# TD1: Errors", "", "**Agent:** python-pro"), ...AGENT }).diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-x.md:1:1",
        severity: "error",
        code: "missing-field",
        message: "workstream has no `days`",
        hint: "Add `days:` to the front matter (Working days: a number (`2`, `1.5`) or a range (`1-2`).)",
      },
    ]);
    const gates = lines("# Gates", "", "| Id | Command |", "| --- | --- |", "| tests | `pytest` |", "| types | |");
    expect(brief(build({ "gates.md": gates }).diagnostics)).toEqual(["plan/gates.md:6:1 error missing-field gate has no `command`"]);
    expect(brief(build({ "risks/R1.md": lines("# R1: Slip") }).diagnostics)).toEqual(["plan/risks/R1.md:1:1 error missing-field risk has no `severity`"]);
    expect(brief(build({ "project.md": lines("Just text.") }).diagnostics)).toEqual(["plan/project.md:1:1 error missing-field project has no `name`"]);
    expect(brief(build({ "waves/x.md": lines("# Wave") }).diagnostics)).toEqual(["plan/waves/x.md:1:1 error missing-field wave has no `wave`"]);
  });

  it("reports a Resolution Protocol row without File and Rule columns", () => {
    const project = lines("---", "name: demo", "---", "", "## Resolution Protocol", "", "| Path | Owner |", "| --- | --- |", "| src/a.py | TD2 |");
    expect(showAll(build({ "project.md": project }).diagnostics)).toEqual([
      {
        at: "plan/project.md:9:1",
        severity: "error",
        code: "invalid-value",
        message: "a Resolution Protocol row needs a `File` and a `Rule` column",
        hint: "Use a table with the columns `File` and `Rule`.",
      },
    ]);
  });

  it("reads the Resolution Protocol, code marks dropped", () => {
    const project = lines("---", "name: demo", "---", "", "## Resolution Protocol", "", "| File | Rule |", "| --- | --- |", "| `src/config.py` | TD2 wins. |");
    const { plan, diagnostics } = build({ "project.md": project });
    expect(diagnostics).toEqual([]);
    expect(plan.project.resolutionProtocol.map((r) => [r.file, r.rule, span(r.at)])).toEqual([["src/config.py", "TD2 wins.", "9:1-9:32"]]);
  });
});

describe("validation rules", () => {
  // An agent unless the test writes its own; last, so that the positions of the lines under test do not move.
  const ws = (id: string, ...fieldLines: string[]) => {
    const agent = fieldLines.some((l) => l.startsWith("agent:")) ? [] : ["agent: python-pro"];
    return lines("---", `id: ${id}`, "days: 1", ...fieldLines, ...agent, "---");
  };

  it("reports an id defined twice, across files, pointing at both", () => {
    const { diagnostics } = build({ "workstreams/TD1-a.md": ws("TD1"), "workstreams/TD1-b.md": ws("TD1"), ...AGENT });
    expect(showAll(diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-b.md:1:1",
        severity: "error",
        code: "duplicate-id",
        message: "workstream `TD1` is defined twice",
        hint: "Give each workstream its own id.",
        related: ["plan/workstreams/TD1-a.md:1:1 first defined here"],
      },
    ]);
  });

  it("compares ids without case, and ADR numbers without leading zeros", () => {
    // Exact order breaks the tie: `TD1` sorts before `td1`, so `td1` is the second definition.
    expect(brief(build({ "workstreams/a.md": ws("td1"), "workstreams/b.md": ws("TD1"), ...AGENT }).diagnostics)).toEqual([
      "plan/workstreams/a.md:1:1 error duplicate-id workstream `td1` is defined twice",
    ]);
    const adrs = build({ "decisions/0001-a.md": lines("# A"), "decisions/1-b.md": lines("# B") }).diagnostics.filter((d) => d.severity === "error");
    expect(brief(adrs)).toEqual(["plan/decisions/1-b.md:1:1 error duplicate-id decision `0001` is defined twice"]);
  });

  it("reports duplicate waves, gates, risks, agents and sessions", () => {
    const { diagnostics } = build({
      "waves.md": lines("| Wave |", "| --- |", "| 1 |", "| 1 |"),
      "gates.md": lines("| Id | Command |", "| --- | --- |", "| t | x |", "| t | y |"),
      "risks/R1-a.md": lines("---", "id: R1", "severity: low", "---"),
      "risks/R1-b.md": lines("---", "id: R1", "severity: low", "---"),
      "agents/a.md": lines("# A"),
      "agents/b.md": lines("---", "id: a", "---"),
      "sessions/2025-10-16-x.md": lines("# X"),
      "sessions/2025-10-16-y.md": lines("---", "date: 2025-10-16", "---"),
    });
    expect(brief(diagnostics)).toEqual([
      "plan/agents/b.md:1:1 error duplicate-id agent `a` is defined twice",
      "plan/gates.md:4:1 error duplicate-id gate `t` is defined twice",
      "plan/risks/R1-b.md:1:1 error duplicate-id risk `R1` is defined twice",
      "plan/waves.md:4:1 error duplicate-id wave `1` is defined twice",
    ]);
  });

  it("reports an unknown agent with the known ones and the nearest as a hint", () => {
    const { diagnostics } = build({
      "agents/python-pro.md": lines("# Python Pro"),
      "agents/backend-architect.md": lines("# Backend Architect"),
      "workstreams/TD1.md": ws("TD1", "agent: pyhton-pro"),
      "workstreams/TD2.md": ws("TD2", "agent: frontend-dev"),
    });
    expect(showAll(diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1.md:4:8",
        severity: "error",
        code: "unknown-agent",
        message: "unknown agent `pyhton-pro`, expected one of: backend-architect, python-pro",
        hint: "Did you mean `python-pro`?",
      },
      {
        at: "plan/workstreams/TD2.md:4:8",
        severity: "error",
        code: "unknown-agent",
        message: "unknown agent `frontend-dev`, expected one of: backend-architect, python-pro",
        hint: "Create the agent or fix the reference.",
      },
    ]);
  });

  it("reports a workstream without an agent, in the grammar of an unknown one, with the known agents in the hint", () => {
    const noAgent = lines("# TD2: Config", "", "**Days:** 1");
    const agents = { ...AGENT, "agents/backend-architect.md": lines("# Backend Architect") };
    expect(showAll(build({ "workstreams/TD2.md": noAgent, ...agents }).diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD2.md:1:1",
        severity: "error",
        code: "missing-agent",
        message: "workstream `TD2` has no agent, expected one of: backend-architect, python-pro",
        hint: "Add `agent: <id>` to the workstream's front matter, naming one of: backend-architect, python-pro.",
      },
    ]);
    expect(brief(build({ "workstreams/TD2.md": noAgent, ...AGENT }).diagnostics)).toEqual([
      "plan/workstreams/TD2.md:1:1 error missing-agent workstream `TD2` has no agent, expected one of: python-pro",
    ]);
    expect(showAll(build({ "workstreams/TD2.md": noAgent }).diagnostics).map((d) => [d.message, d.hint])).toEqual([
      ["workstream `TD2` has no agent, and the plan has no agents", "Create an agent persona in `plan/agents/<id>.md` and name it with `agent: <id>` in the workstream's front matter."],
    ]);
    // Named, it is fine: the same plan with `**Agent:**` has no problem at all.
    expect(build({ "workstreams/TD2.md": lines("# TD2: Config", "", "**Days:** 1", "**Agent:** python-pro"), ...AGENT }).diagnostics).toEqual([]);
  });

  it("says so when there is nothing to refer to, and shortens long lists", () => {
    expect(brief(build({ "workstreams/TD1.md": ws("TD1", "agent: python-pro") }).diagnostics)).toEqual([
      "plan/workstreams/TD1.md:4:8 error unknown-agent unknown agent `python-pro`, there are no agents",
    ]);
    const many = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`workstreams/W${i + 1}.md`, ws(`W${i + 1}`)]));
    const { diagnostics } = build({ ...many, "workstreams/X.md": ws("X", "depends_on: [Z9]"), ...AGENT });
    expect(brief(diagnostics)).toEqual(["plan/workstreams/X.md:4:14 error unknown-workstream unknown workstream `Z9`, expected one of: W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, …"]);
  });

  it("reports unknown workstreams wherever they are referred to", () => {
    const { diagnostics } = build({
      "workstreams/TD1.md": ws("TD1", "depends_on: [TD2]", "soft_depends_on: [TD3]"),
      "waves.md": lines("| Wave | Workstreams |", "| --- | --- |", "| 1 | TD1, TD4 |"),
      "risks/R1.md": lines("---", "id: R1", "severity: high", "workstreams: [TD5]", "---"),
      "decisions/0001-a.md": lines("---", "workstreams: [TD6]", "---", "", "## Context", "", "C.", "", "## Decision", "", "D."),
      ...AGENT,
    });
    expect(showAll(diagnostics)).toEqual([
      { at: "plan/decisions/0001-a.md:2:15", severity: "error", code: "unknown-workstream", message: "unknown workstream `TD6`, expected one of: TD1", hint: "Did you mean `TD1`?" },
      { at: "plan/risks/R1.md:4:15", severity: "error", code: "unknown-workstream", message: "unknown workstream `TD5`, expected one of: TD1", hint: "Did you mean `TD1`?" },
      { at: "plan/waves.md:3:12", severity: "error", code: "unknown-workstream", message: "unknown workstream `TD4`, expected one of: TD1", hint: "Did you mean `TD1`?" },
      { at: "plan/workstreams/TD1.md:4:14", severity: "error", code: "unknown-workstream", message: "unknown workstream `TD2`, expected one of: TD1", hint: "Did you mean `TD1`?" },
      { at: "plan/workstreams/TD1.md:5:19", severity: "error", code: "unknown-workstream", message: "unknown workstream `TD3`, expected one of: TD1", hint: "Did you mean `TD1`?" },
    ]);
  });

  it("reports a workstream merged by a wave that does not exist", () => {
    const { diagnostics } = build({ "workstreams/TD1.md": ws("TD1", "wave: 4"), "waves.md": lines("| Wave |", "| --- |", "| 1 |"), ...AGENT });
    expect(showAll(diagnostics)).toEqual([
      { at: "plan/workstreams/TD1.md:1:1", severity: "error", code: "unknown-wave", message: "unknown wave `4`, expected one of: 1", hint: "Create the wave or fix the reference." },
    ]);
  });

  it("reports a gate named by a wave that does not exist", () => {
    const { diagnostics } = build({
      "waves.md": lines("| Wave | Gates |", "| --- | --- |", "| 1 | tests, coverge |"),
      "gates.md": lines("| Id | Command |", "| --- | --- |", "| tests | `pytest` |", "| coverage | `pytest --cov` |"),
    });
    expect(showAll(diagnostics)).toEqual([
      { at: "plan/waves.md:3:14", severity: "error", code: "unknown-gate", message: "unknown gate `coverge`, expected one of: coverage, tests", hint: "Did you mean `coverage`?" },
    ]);
  });

  it("reports ADR links and session references to missing ADRs and risks, matching ADR numbers in any form", () => {
    const { diagnostics } = build({
      "decisions/0001-a.md": lines("---", "superseded_by: 4", "supersedes: [2]", "---", "", "# 1. A"),
      "decisions/0002-b.md": lines("# 2. B", "", "* Status: Superseded by [ADR-0009](0009-x.md)"),
      "risks/R1-x.md": lines("---", "id: R1", "severity: low", "---"),
      "sessions/2025-10-16-x.md": lines("## Decisions", "", "- 0001", "- ADR-0002", "- 0007", "", "## Risks", "", "- R1", "- R2"),
    });
    // The ADRs' own lint (one-way supersession, missing sections) is tested in tests/decisions.
    expect(showAll(diagnostics.filter((d) => d.severity === "error"))).toEqual([
      { at: "plan/decisions/0001-a.md:2:16", severity: "error", code: "unknown-decision", message: "unknown decision `4`, expected one of: 1, 2", hint: "Create the decision or fix the reference." },
      {
        at: "plan/sessions/2025-10-16-x.md:5:1",
        severity: "error",
        code: "unknown-decision",
        message: "unknown decision `0007`, expected one of: 1, 2",
        hint: "Create the decision or fix the reference.",
      },
      { at: "plan/sessions/2025-10-16-x.md:10:1", severity: "error", code: "unknown-risk", message: "unknown risk `R2`, expected one of: R1", hint: "Create the risk or fix the reference." },
    ]);
    // A link in an ADR's prose (its status) to an ADR outside the plan is only a warning.
    expect(showAll(diagnostics.filter((d) => d.code === "decision-link-outside-plan"))).toEqual([
      {
        at: "plan/decisions/0002-b.md:3:25",
        severity: "warning",
        code: "decision-link-outside-plan",
        message: "link to ADR `0009-x.md`, which is not in the plan",
        hint: "Import that ADR (`paraplan import decisions DIR`), or leave the link: it is shown as written.",
      },
    ]);
  });

  it("lists an id given twice once among the known ones", () => {
    const { diagnostics } = build({ "workstreams/a.md": ws("TD1"), "workstreams/b.md": ws("TD1"), "workstreams/c.md": ws("TD2", "depends_on: [TD9]") });
    expect(brief(diagnostics)).toContain("plan/workstreams/c.md:4:14 error unknown-workstream unknown workstream `TD9`, expected one of: TD1, TD2");
  });

  it("reports a plan without project.md, and still builds the rest", () => {
    const { plan, diagnostics } = build({ "project.md": undefined, "workstreams/TD1.md": ws("TD1"), ...AGENT });
    expect(showAll(diagnostics)).toEqual([
      {
        at: "plan/project.md:1:1",
        severity: "error",
        code: "missing-project",
        message: "the plan has no project.md",
        hint: "Create project.md with front matter `name: <project>` (run `paraplan init` for an example).",
      },
    ]);
    expect(plan.project.name).toBe("untitled");
    expect(plan.workstreams.map((w) => w.worktree)).toEqual(["../untitled-td1"]);
  });

  it("uses the plan folder as shown for the missing project.md", () => {
    const { diagnostics } = buildPlan([], { planDir: "docs/plan" });
    expect(brief(diagnostics)).toEqual(["docs/plan/project.md:1:1 error missing-project the plan has no project.md"]);
  });

  it("reports a collection written both as a table file and as a folder", () => {
    const { plan, diagnostics } = build({ "waves.md": lines("| Wave |", "| --- |", "| 1 |"), "waves/2-b.md": lines("---", "day: 3", "---") });
    expect(showAll(diagnostics)).toEqual([
      {
        at: "plan/waves.md:1:1",
        severity: "error",
        code: "mixed-collection",
        message: "the waves collection is both a table in `plan/waves.md` and a folder of files",
        hint: "Keep one shape: move the rows into `waves/` files, or the files into the table.",
        related: ["plan/waves/2-b.md:1:1 a file of the folder"],
      },
    ]);
    // Both shapes are still read.
    expect(plan.waves.map((w) => w.number)).toEqual([1, 2]);
  });

  it("returns diagnostics sorted by file and position, without exact duplicates", () => {
    const { diagnostics } = build({
      "waves.md": lines("---", "colour: blue", "gatez: [x]", "---", "", "| Wave |", "| --- |", "| 1 |", "| 2 |"),
      "agents/a.md": lines("---", "nmae: A", "---"),
    });
    expect(brief(diagnostics)).toEqual([
      "plan/agents/a.md:2:1 warning unknown-field unknown agent field `nmae`; did you mean `name`?",
      "plan/waves.md:3:1 warning unknown-field unknown wave field `gatez`; did you mean `gates`?",
    ]);
  });
});

describe("the record memo (watch)", () => {
  it("reuses a record built from the same raw record, with its problems, and builds again what changed", () => {
    const project = parse("project.md", lines("---", "name: autoD", "---"));
    const td1 = parse("workstreams/TD1-a.md", lines("---", "id: TD1", "days: 2", "priority: urgent", "---"));
    const td2 = parse("workstreams/TD2-b.md", lines("---", "id: TD2", "days: 1", "---"));
    const memo: RecordMemo = new WeakMap();
    const first = buildPlan([project, td1, td2], { memo });
    expect(brief(first.diagnostics).some((d) => d.includes("priority"))).toBe(true);

    const again = buildPlan([project, td1, td2], { memo });
    expect(again.plan.workstreams[0]).toBe(first.plan.workstreams[0]);
    expect(again.plan.workstreams[1]).toBe(first.plan.workstreams[1]);
    expect(again.diagnostics).toEqual(first.diagnostics);

    // TD2 parsed again (its text changed): only it is built again.
    const td2b = parse("workstreams/TD2-b.md", lines("---", "id: TD2", "days: 3", "---"));
    const edited = buildPlan([project, td1, td2b], { memo });
    expect(edited.plan.workstreams[0]).toBe(first.plan.workstreams[0]);
    expect(edited.plan.workstreams[1]).not.toBe(first.plan.workstreams[1]);
    expect(edited.plan.workstreams[1]!.days.high).toBe(3);

    // A workstream's worktree comes from the project's pattern: a new pattern builds every workstream again.
    const moved = parse("project.md", lines("---", "name: autoD", 'worktree_pattern: "../wt/{slug}"', "---"));
    const repatterned = buildPlan([moved, td1, td2b], { memo });
    expect(repatterned.plan.workstreams[0]).not.toBe(first.plan.workstreams[0]);
    expect(repatterned.plan.workstreams[0]!.worktree).toBe("../wt/td1");
    expect(repatterned.diagnostics).toEqual(buildPlan([moved, td1, td2b]).diagnostics);
  });
});

import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { REPO, runCli as runBuiltCli } from "../helpers/run-cli.js";
import { runInProcess as runCli } from "../helpers/run-in-process.js";

const TOUCH_HOOK = fileURLToPath(new URL("./touch-before-write.js", import.meta.url));

/** A temporary project with a copy of the embedded plan (the repository's own plan/ is never written). */
async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-write-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
  return root;
}

/** Every file of a plan folder, `relative path → text`. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const dir = path.join(root, "plan");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, abs).split(path.sep).join("/"), await readFile(abs, "utf8"));
  }
  return files;
}

/** The files that differ between two snapshots, and those only one has. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

const read = (root: string, relative: string) => readFile(path.join(root, "plan", relative), "utf8");

describe("paraplan remove (#17.12)", () => {
  it.concurrent("takes one entry out of a list, keeps every other byte, and refuses an entry that is not there", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const file = "workstreams/TD3-api-client-refactor.md";
    const result = await runCli(["remove", "TD3", "depends_on", "TD1"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("  TD3 depends_on: - TD1\n");
    const after = await snapshot(root);
    expect(changedFiles(before, after)).toEqual([file]);
    expect(after.get(file)).toBe(before.get(file)!.replace("depends_on:\n  - TD1\n  - TD2\n", "depends_on:\n  - TD2\n"));
    const missing = await runCli(["remove", "TD3", "depends_on", "TD9"], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error write-no-such-entry `depends_on` has no entry `TD9`\n  hint: Its entries: ");
    expect(changedFiles(after, await snapshot(root))).toEqual([]);
  });
});

describe("paraplan set", () => {
  it.concurrent("changes one front-matter value and nothing else, then validates the plan", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const result = await runCli(["set", "TD2", "status", "merged"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("updated plan/workstreams/TD2-config-management.md\n  TD2 status: planned → merged\n");
    // The embedded plan has no warnings, and merging TD2 early adds none.
    expect(result.stderr).toBe("0 errors, 0 warnings\n");
    const after = await snapshot(root);
    expect(changedFiles(before, after)).toEqual(["workstreams/TD2-config-management.md"]);
    expect(after.get("workstreams/TD2-config-management.md")).toBe(before.get("workstreams/TD2-config-management.md")!.replace("\nstatus: planned\n", "\nstatus: merged\n"));
  });

  it.concurrent("changes a key-value line of a session, a MADR status line, a table cell and a title", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    expect((await runCli(["set", "2025-10-16", "status", "Day 1 launched"], root)).code).toBe(0);
    expect((await runCli(["set", "ADR-2", "status", "deprecated"], root)).code).toBe(0);
    expect((await runCli(["set", "wave-3", "coverage", "80"], root)).code).toBe(0);
    expect((await runCli(["set", "R2", "title", "Merge Conflicts in Core Files"], root)).code).toBe(0);
    const after = await snapshot(root);
    const session = "sessions/2025-10-16-parallel-execution-strategy-setup.md";
    expect(after.get(session)).toBe(before.get(session)!.replace("**Status:** Day 0 complete, ready for the Day 1 launch", "**Status:** Day 1 launched"));
    expect(after.get("decisions/0002-progressive-wave-based-merging.md")).toBe(before.get("decisions/0002-progressive-wave-based-merging.md")!.replace("Status: accepted", "Status: deprecated"));
    expect(after.get("waves.md")).toBe(before.get("waves.md")!.replace("| WS1, TD3, TD4 | 85 |", "| WS1, TD3, TD4 | 80 |"));
    const risk = [...after.keys()].find((f) => f.startsWith("risks/R2-"))!;
    expect(after.get(risk)).toBe(before.get(risk)!.replace(/^# R2: .*$/m, "# R2: Merge Conflicts in Core Files"));
    expect(changedFiles(before, after)).toHaveLength(4);
  });

  it.concurrent("writes a pipe, a backslash, backticks and markup characters into table cells so that they read back as given", async ({ expect }) => {
    const root = await project();
    const before = await read(root, "gates.md");
    const gate = async () => {
      const listed = await runCli(["list", "gates", "--json"], root);
      expect(listed.code, listed.stderr).toBe(0);
      return (JSON.parse(listed.stdout) as { id: string; name: string; command: string }[]).find((g) => g.id === "tests")!;
    };
    // A cell of inline code stays code: the pipe is escaped inside it, a backtick in the value lengthens the fence.
    const cases: [string, string, string][] = [
      ["command", "pytest tests/ | tee log.txt", "`pytest tests/ \\| tee log.txt`"],
      ["command", "C:\\tools\\run.bat", "`C:\\tools\\run.bat`"],
      ["command", "echo `date` *.py <in", "``echo `date` *.py <in``"],
      ["name", "a | b", "a \\| b"],
      ["name", "# not a heading, *not* `code` <b>", "# not a heading, \\*not\\* \\`code\\` \\<b>"],
      ["name", "back\\slash \\| pipe", "back\\slash \\\\\\| pipe"],
    ];
    for (const [field, value, cell] of cases) {
      const result = await runCli(["set", "gate:tests", field, value], root);
      expect(result.code, result.stderr).toBe(0);
      expect((await gate())[field as "name" | "command"]).toBe(value);
      expect((await read(root, "gates.md")).split("\n")[4]).toContain(`| ${cell} |`);
    }
    const refused = await runCli(["set", "gate:tests", "command", "one\ntwo"], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("`command` must be one line");
    // Every other line of the table is as it was.
    const lines = (await read(root, "gates.md")).split("\n");
    expect(lines.filter((_, i) => i !== 4)).toEqual(before.split("\n").filter((_, i) => i !== 4));
  });

  it.concurrent("--dry-run prints a unified diff and writes nothing", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const result = await runCli(["set", "R1", "status", "mitigated", "--dry-run"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "--- a/plan/risks/R1-td2-delays-block-everything.md",
        "+++ b/plan/risks/R1-td2-delays-block-everything.md",
        "@@ -2,7 +2,7 @@",
        " id: R1",
        " severity: high",
        " likelihood: medium",
        "-status: open",
        "+status: mitigated",
        " workstreams: [TD2, TD1, TD3, WS1, WS2, WS3]",
        " owner: User (Project Manager)",
        " ---",
        "",
      ].join("\n"),
    );
    expect(result.stderr).toBe("R1 status: open → mitigated\ndry run: nothing was written\n");
    expect(changedFiles(before, await snapshot(root))).toEqual([]);
  });

  it.concurrent("refuses an invalid value (exit 1), an unknown record or field (exit 2), and says when nothing changes", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const invalid = await runCli(["set", "TD2", "status", "mergd"], root);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe(
      "plan/workstreams/TD2-config-management.md:17:9 error write-invalid-value new value: `status` is `mergd`, expected one of: planned, in progress, blocked, done, merged\n  hint: Did you mean `merged`?\nnothing was written\n",
    );
    const record = await runCli(["set", "TD22", "status", "merged"], root);
    expect(record.code).toBe(2);
    expect(record.stderr).toBe("paraplan: no record `TD22` in the plan\n  hint: Did you mean `TD2`?\n");
    const field = await runCli(["set", "TD2", "stauts", "merged"], root);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain("error write-unknown-field a workstream has no field `stauts`\n  hint: Did you mean `status`?\n");
    const same = await runCli(["set", "ADR-3", "status", "accepted"], root);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe("ADR-3 status is already `accepted`; nothing was written\n");
    expect(changedFiles(before, await snapshot(root))).toEqual([]);
  });

  it.concurrent("refuses to replace a whole list without --replace (#17.12), and replaces it with it", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const refused = await runCli(["set", "project", "goals", "x"], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "plan/project.md:48:1 error write-needs-replace `goals` has 5 entries; setting it would replace them all\n  hint: Use `paraplan add` or `paraplan remove` to change one entry, or pass --replace to replace the whole list.\nnothing was written\n",
    );
    expect(changedFiles(before, await snapshot(root))).toEqual([]);
    expect((await runCli(["set", "project", "goals", "x", "--replace"], root)).code).toBe(0);
    expect((await read(root, "project.md")).includes("## Goals\n\n- x\n\n## ")).toBe(true);
  });

  it.concurrent("refuses a change that would give the plan new errors, unless --force", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const refused = await runCli(["set", "TD1", "agent", "pythn-pro"], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error unknown-agent unknown agent `pythn-pro`");
    expect(refused.stderr).toContain("paraplan: nothing was written: the change would give the plan 1 new error\n  hint: Fix what it refers to first, or pass --force to write it anyway.\n");
    expect(changedFiles(before, await snapshot(root))).toEqual([]);
    const forced = await runCli(["set", "TD1", "agent", "pythn-pro", "--force"], root);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain("updated plan/workstreams/TD1-error-handling.md");
    expect(forced.stdout).toContain("error unknown-agent unknown agent `pythn-pro`");
    expect(changedFiles(before, await snapshot(root))).toEqual(["workstreams/TD1-error-handling.md"]);
  });

  it.concurrent("refuses to write a file that changed on disk after it was read, and leaves that change alone", async ({ expect }) => {
    const root = await project();
    const file = path.join(root, "plan", "workstreams", "TD2-config-management.md");
    const original = await readFile(file, "utf8");
    // A hook loaded into the built binary's process saves the file between the read and the write.
    const result = await runBuiltCli(["set", "TD2", "status", "merged"], root, { NODE_OPTIONS: `--import=${TOUCH_HOOK}`, PARAPLAN_TOUCH: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "paraplan: plan/workstreams/TD2-config-management.md changed on disk since it was read; nothing was written\n  hint: Someone (or an editor) saved it meanwhile: run the command again.\n",
    );
    // What the other writer saved is there, and the edit is not.
    expect(await readFile(file, "utf8")).toBe(`${original}\n<!-- saved meanwhile -->\n`);
  });

  it.concurrent("keeps a byte-order mark and CRLF line endings", async ({ expect }) => {
    const root = await project();
    const file = path.join(root, "plan", "risks", "R1-td2-delays-block-everything.md");
    const crlf = `\uFEFF${(await readFile(file, "utf8")).replace(/\n/g, "\r\n")}`;
    await writeFile(file, crlf);
    expect((await runCli(["add", "R1", "mitigation", "Pair on TD2 on day 1."], root)).code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(crlf.replace("- Check its progress every hour on day 1.\r\n", "- Check its progress every hour on day 1.\r\n- Pair on TD2 on day 1.\r\n"));
  });
});

describe("paraplan add", () => {
  it.concurrent("appends to a block list in front matter, a flow list, a section list and a table cell, each in its own style", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    expect((await runCli(["add", "TD3", "depends_on", "WS1"], root)).code).toBe(0);
    expect((await runCli(["add", "R1", "workstreams", "TD4"], root)).code).toBe(0);
    expect((await runCli(["add", "TD2", "deliverables", "A migration note in `docs/config.md`."], root)).code).toBe(0);
    expect((await runCli(["add", "gate:performance", "applies_to", "2"], root)).code).toBe(1);
    expect((await runCli(["add", "wave-1", "gates", "performance"], root)).code).toBe(0);
    const after = await snapshot(root);
    expect(after.get("workstreams/TD3-api-client-refactor.md")).toBe(before.get("workstreams/TD3-api-client-refactor.md")!.replace("  - TD2\n", "  - TD2\n  - WS1\n"));
    expect(after.get("risks/R1-td2-delays-block-everything.md")).toBe(before.get("risks/R1-td2-delays-block-everything.md")!.replace("WS2, WS3]", "WS2, WS3, TD4]"));
    expect(after.get("workstreams/TD2-config-management.md")).toBe(
      before.get("workstreams/TD2-config-management.md")!.replace("in `tests/unit/test_config.py`.\n", "in `tests/unit/test_config.py`.\n- A migration note in `docs/config.md`.\n"),
    );
    expect(after.get("waves.md")).toBe(before.get("waves.md")!.replace("types, config-loads |", "types, config-loads, performance |"));
    expect(changedFiles(before, after)).toHaveLength(4);
  });

  it.concurrent("says so when the entry is there already, and refuses a field that is not a list", async ({ expect }) => {
    const root = await project();
    const again = await runCli(["add", "TD1", "depends_on", "TD2"], root);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("TD1 depends_on already has `TD2`; nothing was written\n");
    const scalar = await runCli(["add", "TD1", "status", "done"], root);
    expect(scalar.code).toBe(1);
    expect(scalar.stderr).toContain("error write-not-a-list `status` is not a list; entries can only be added to lists");
  });
});

describe("paraplan new", () => {
  it.concurrent("creates a workstream with the next id of the most common prefix, valid at once", async ({ expect }) => {
    const root = await project();
    const result = await runCli(["new", "workstream", "Search Index", "--days", "2", "--agent", "python-pro", "--depends-on", "TD2, TD1", "--wave=3"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created plan/workstreams/TD5-search-index.md\n  new workstream TD5\n");
    expect(await read(root, "workstreams/TD5-search-index.md")).toBe(
      [
        "---",
        "id: TD5",
        "agent: python-pro",
        "days: 2",
        "depends_on: [TD2, TD1]",
        "wave: 3",
        "owns: []",
        "touches: []",
        "status: planned",
        "---",
        "",
        "# TD5: Search Index",
        "",
        "## Goal",
        "",
        "## Deliverables",
        "",
        "## Quality Gates",
        "",
      ].join("\n"),
    );
    const validate = await runCli(["validate"], root);
    expect(validate.code).toBe(0);
    expect((await runCli(["set", "TD5", "goal", "Find records fast."], root)).code).toBe(0);
    expect(await read(root, "workstreams/TD5-search-index.md")).toContain("## Goal\n\nFind records fast.\n\n## Deliverables\n");
  });

  it.concurrent("creates an ADR with the next number and today's date, a risk and an agent", async ({ expect }) => {
    const root = await project();
    const adr = await runCli(["new", "decision", "Use SQLite for the Cache", "--date", "2025-10-20"], root);
    expect(adr.code).toBe(0);
    expect(await read(root, "decisions/0004-use-sqlite-for-the-cache.md")).toBe(
      ["---", "number: 4", "status: proposed", "date: 2025-10-20", "---", "", "# 4. Use SQLite for the Cache", "", "## Context", "", "## Decision", "", "## Consequences", ""].join("\n"),
    );
    const risk = await runCli(["new", "risk", "Vendor API Changes", "--severity", "high", "--workstreams", "TD3"], root);
    expect(risk.code).toBe(0);
    expect(await read(root, "risks/R6-vendor-api-changes.md")).toContain("---\nid: R6\nseverity: high\nstatus: open\nworkstreams: [TD3]\n---\n\n# R6: Vendor API Changes\n");
    const agent = await runCli(["new", "agent", "Data Engineer"], root);
    expect(agent.code).toBe(0);
    expect(await read(root, "agents/data-engineer.md")).toBe(
      ["---", "id: data-engineer", "name: Data Engineer", "---", "", "# Data Engineer", "", "## Role", "", "## Working Agreements", ""].join("\n"),
    );
    expect((await runCli(["validate"], root)).code).toBe(0);
  });

  it.concurrent("refuses a taken id, an unknown field and a bad value, and never replaces a file", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const taken = await runCli(["new", "workstream", "Again", "--id", "TD2"], root);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("error write-id-taken workstream `TD2` exists already");
    const unknown = await runCli(["new", "risk", "X", "--severty", "high"], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("`--severty` is not a field a new risk takes\n  hint: Did you mean `--severity`?");
    const bad = await runCli(["new", "workstream", "X", "--days", "many"], root);
    expect(bad.code).toBe(1);
    const kind = await runCli(["new", "wave", "X"], root);
    expect(kind.code).toBe(2);
    expect(changedFiles(before, await snapshot(root))).toEqual([]);
    expect((await runCli(["new", "session", "Standup", "--date", "2025-10-18"], root)).code).toBe(0);
    const twice = await runCli(["new", "session", "Standup", "--date", "2025-10-18"], root);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("plan/sessions/2025-10-18-standup.md exists already; nothing was written");
  });

  it.concurrent("--dry-run shows the new file as a diff from /dev/null", async ({ expect }) => {
    const root = await project();
    const result = await runCli(["new", "risk", "Late Review", "--dry-run"], root);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 4)).toEqual(["--- /dev/null", "+++ b/plan/risks/R6-late-review.md", "@@ -0,0 +1,14 @@", "+---"]);
    expect((await snapshot(root)).has("risks/R6-late-review.md")).toBe(false);
  });
});

describe("paraplan decision supersede", () => {
  it.concurrent("updates both ADRs together: the old one's status and link, the new one's supersedes", async ({ expect }) => {
    const root = await project();
    const before = await snapshot(root);
    const result = await runCli(["decision", "supersede", "1", "--by", "ADR-3"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("updated plan/decisions/0001-git-worktree-parallel-execution.md\nupdated plan/decisions/0003-config-management-on-the-critical-path.md\n");
    const after = await snapshot(root);
    expect(changedFiles(before, after)).toEqual(["decisions/0001-git-worktree-parallel-execution.md", "decisions/0003-config-management-on-the-critical-path.md"]);
    const old = "decisions/0001-git-worktree-parallel-execution.md";
    expect(after.get(old)).toBe(before.get(old)!.replace("status: accepted\n", "status: superseded\n").replace("\n---\n", "\nsuperseded_by: 3\n---\n"));
    const next = "decisions/0003-config-management-on-the-critical-path.md";
    expect(after.get(next)).toBe(before.get(next)!.replace("\n---\n", "\nsupersedes: [1]\n---\n"));
    const list = await runCli(["list", "decisions", "--status", "superseded", "--json"], root);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ number: 1, status: "superseded", supersededBy: 3 })]);
  });

  it.concurrent("writes the MADR `Superseded by [N. Title](file)` line where the status is a line of text", async ({ expect }) => {
    const root = await project();
    const result = await runCli(["decision", "supersede", "ADR-2", "--by", "3", "--dry-run"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("-* Status: accepted\n+* Status: Superseded by [3. Config Management on the Critical Path](0003-config-management-on-the-critical-path.md)\n");
    expect(result.stdout).toContain("+supersedes: [2]\n");
  });

  it.concurrent("refuses an ADR superseding itself, and a reference that is not an ADR", async ({ expect }) => {
    const root = await project();
    expect((await runCli(["decision", "supersede", "2", "--by", "0002"], root)).code).toBe(2);
    const other = await runCli(["decision", "supersede", "TD2", "--by", "3"], root);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("`TD2` is TD2, not an ADR");
  });
});

describe("paraplan session new", () => {
  it.concurrent("starts a session log for the day with the last session's open priorities and the open risks", async ({ expect }) => {
    const root = await project();
    await runCli(["set", "R3", "status", "closed"], root);
    const result = await runCli(["session", "new", "--date", "2025-10-17"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "created plan/sessions/2025-10-17-progress.md\n  new session 2025-10-17-progress\n  3 open priorities from session 2025-10-16-parallel-execution-strategy-setup; 4 open risks\n  snapshot of the plan: figures, workstreams, waves, ADR and risk statuses\n",
    );
    const text = await read(root, "sessions/2025-10-17-progress.md");
    expect(
      text.startsWith(
        "# Session: Progress\n\n**Date:** 2025-10-17\n\n## Summary\n\n## What Changed\n\n## Decisions\n\n## Risks\n\n- R1\n- R2\n- R4\n- R5\n\n## Next Priorities\n\n### Priority 1: Launch the Day 1 Sessions\n\n**Owner:** User (Project Manager)\n",
      ),
    ).toBe(true);
    expect(text).toContain("### Priority 3: Launch TD1 and WS2 After the Config Merge\n");
    expect((await runCli(["validate"], root)).code).toBe(0);
    // A priority marked done in the newest log is not carried over again.
    const log = path.join(root, "plan", "sessions", "2025-10-17-progress.md");
    await writeFile(log, text.replace("**Status:** Ready to execute", "**Status:** ✅ Done"));
    expect((await runCli(["session", "new", "Wave 1", "--date", "2025-10-18"], root)).code).toBe(0);
    const next = await read(root, "sessions/2025-10-18-wave-1.md");
    expect(next).not.toContain("Priority 1:");
    expect(next).toContain("### Priority 2: Finish TD2 and Merge Wave 1");
  });
});

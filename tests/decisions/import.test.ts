import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDecisionImport, type ImportStep } from "../../src/cli/commands/decision-import-plan.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess as runCli } from "../helpers/run-in-process.js";
import { lines } from "../parse/helpers.js";
import { HAVE_SAMPLES, SAMPLES, SKIP_REASON } from "./samples.js";

const none = { names: [], numbers: new Map<number, string>() };
const brief = (steps: ImportStep[]) => steps.map((s) => (s.action === "copy" ? `${s.from} → ${s.to}` : `${s.from}: ${s.reason}`));

describe("planning an import", () => {
  it("keeps names that start with a number or a log4brains date, and names the others NNNN-slug.md", () => {
    const steps = planDecisionImport(
      [
        { name: "0005-help-comments.md", text: lines("# 5. Help comments") },
        { name: "20201016-use-slugs.md", text: lines("# Use slugs") },
        { name: "adr-012-use-postgres.markdown", text: lines("# Use Postgres") },
        { name: "use-kafka.md", text: lines("# 7. Use Kafka for events") },
        { name: "caching.md", text: lines("# Cache at the edge") },
      ],
      none,
    );
    expect(brief(steps)).toEqual([
      "0005-help-comments.md → 0005-help-comments.md",
      "20201016-use-slugs.md → 20201016-use-slugs.md",
      "adr-012-use-postgres.markdown → 0012-use-postgres.md",
      "caching.md → 0013-caching.md",
      "use-kafka.md → 0007-use-kafka-for-events.md",
    ]);
    expect(steps.map((s) => s.action === "copy" && s.renamed)).toEqual([false, false, true, true, true]);
  });

  it("skips index pages, templates, folders and files that are not Markdown text", () => {
    const steps = planDecisionImport(
      [
        { name: "README.md", text: "# ADRs" },
        { name: "adr-template.md", text: "# {title}" },
        { name: "index.md", text: "# Index" },
        { name: "diagram.png" },
        { name: "0002-latin1.md" },
        { name: "archive", folder: true },
      ],
      none,
    );
    expect(brief(steps)).toEqual([
      "0002-latin1.md: not UTF-8 text",
      "README.md: an index or a template, not a decision",
      "adr-template.md: an index or a template, not a decision",
      "archive: a folder: import reads one folder; import it on its own",
      "diagram.png: not a Markdown file",
      "index.md: an index or a template, not a decision",
    ]);
  });

  it("never takes a name or an ADR number the plan already has", () => {
    const steps = planDecisionImport(
      [
        { name: "0001-record-decisions.md", text: lines("# 1. Record decisions") },
        { name: "0002-use-rest.md", text: lines("# 2. Use REST") },
        { name: "0003-use-graphql.md", text: lines("# 3. Use GraphQL") },
        { name: "later.md", text: lines("# Later") },
        { name: "soon.md", text: lines("# Soon") },
      ],
      {
        names: ["0001-record-decisions.md", "0002-git-worktrees.md"],
        numbers: new Map([
          [1, "0001-record-decisions.md"],
          [2, "0002-git-worktrees.md"],
          [9, "0009-x.md"],
        ]),
        texts: new Map([["0007-soon.md", lines("# Soon")]]),
      },
    );
    expect(brief(steps)).toEqual([
      "0001-record-decisions.md: plan/decisions/0001-record-decisions.md already exists",
      "0002-use-rest.md: ADR number 2 is taken by plan/decisions/0002-git-worktrees.md",
      "0003-use-graphql.md → 0003-use-graphql.md",
      "later.md → 0010-later.md",
      "soon.md: already in the plan as plan/decisions/0007-soon.md",
    ]);
  });
});

describe("`paraplan import decisions`", () => {
  async function project(): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-import-"));
    await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
    const adrs = path.join(root, "doc", "adr");
    await mkdir(adrs, { recursive: true });
    await writeFile(path.join(adrs, "README.md"), "# Decisions\n");
    await writeFile(
      path.join(adrs, "0001-record-architecture-decisions.md"),
      lines("# 1. Record architecture decisions", "", "Date: 2016-02-12", "", "## Status", "", "Accepted", "", "## Context", "", "C.", "", "## Decision", "", "D."),
    );
    await writeFile(
      path.join(adrs, "use-rest.md"),
      lines(
        "# Use REST",
        "",
        "* Status: Proposed",
        "",
        "## Context and Problem Statement",
        "",
        "How?",
        "",
        "## Considered Options",
        "",
        "* REST",
        "",
        "## Links",
        "",
        "* Relates to [ADR-0009](0009-x.md)",
      ),
    );
    return root;
  }

  it("with --dry-run prints the plan and writes nothing", async () => {
    const root = await project();
    const result = await runCli(["import", "decisions", "doc/adr", "--dry-run"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "copy    0001-record-architecture-decisions.md → plan/decisions/0001-record-architecture-decisions.md  (1. Record architecture decisions, accepted)",
        "skip    README.md: an index or a template, not a decision",
        "rename  use-rest.md → plan/decisions/0002-use-rest.md  (Use REST, proposed)",
        "dry run: would copy 2 decisions (1 renamed), skip 1; nothing was written",
        "",
      ].join("\n"),
    );
    expect(await readdir(path.join(root, "plan")).then((names) => names.includes("decisions"))).toBe(false);
  });

  it("copies byte for byte, renames only what has no number, lints what came in, and never replaces a file", async () => {
    const root = await project();
    const result = await runCli(["import", "decisions", "doc/adr"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("copied 2 decisions (1 renamed), skipped 1\n");
    expect(result.stdout).toContain("plan/decisions/0002-use-rest.md:15:14 warning decision-link-outside-plan link to ADR `0009-x.md`, which is not in the plan\n");
    expect(await readdir(path.join(root, "plan", "decisions"))).toEqual(["0001-record-architecture-decisions.md", "0002-use-rest.md"]);
    expect(await readFile(path.join(root, "plan", "decisions", "0002-use-rest.md"), "utf8")).toBe(await readFile(path.join(root, "doc", "adr", "use-rest.md"), "utf8"));
    const again = await runCli(["import", "decisions", "doc/adr"], root);
    expect(again.stdout).toContain("skip    0001-record-architecture-decisions.md: already in the plan as plan/decisions/0001-record-architecture-decisions.md\n");
    expect(again.stdout).toContain("skip    use-rest.md: already in the plan as plan/decisions/0002-use-rest.md\n");
    expect(again.stdout).toContain("copied 0 decisions (0 renamed), skipped 3\n");
    const queue = await runCli(["list", "decisions", "--status", "proposed"], root);
    expect(queue.stdout.split("\n")[1]).toMatch(/^0002 +Use REST +proposed +plan\/decisions\/0002-use-rest\.md$/);
  });

  it("exits as `validate` would: 1 when the imported files make the plan invalid", async () => {
    const root = await project();
    await writeFile(path.join(root, "doc", "adr", "0003-bad.md"), lines("---", "supersedes: [7]", "---", "", "# 3. Bad", "", "## Context", "", "C."));
    const result = await runCli(["import", "decisions", "doc/adr"], root);
    expect(result.stdout).toContain("plan/decisions/0003-bad.md:2:14 error unknown-decision");
    expect(result.stderr).toMatch(/1 error, \d+ warnings? in the plan/);
    expect(result.code).toBe(1);
    expect((await runCli(["validate"], root)).code).toBe(1);
    // Nothing more to import, and the plan still has the error: still what validate says.
    expect((await runCli(["import", "decisions", "doc/adr"], root)).code).toBe(1);
  });

  it("says so when the folder does not exist", async () => {
    const root = await project();
    const result = await runCli(["import", "decisions", "no/such/dir"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("paraplan: no/such/dir is not a folder\n");
  });

  it("has help with examples", async () => {
    const result = await runCli(["import", "decisions", "--help"], REPO);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: paraplan import decisions \[options\] <dir>/);
    expect(result.stdout).toContain("Examples:\n  paraplan import decisions doc/adr --dry-run");
  });

  it.skipIf(!HAVE_SAMPLES)(
    `imports every sample repository into one plan, log4brains and Chinese file names included (${HAVE_SAMPLES ? "../shared/adr-samples" : SKIP_REASON})`,
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-import-all-"));
      await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
      for (const repo of ["thomvaill__log4brains", "phodal__adr"]) {
        const result = await runCli(["import", "decisions", path.join(SAMPLES, repo)], root);
        expect(result.code).toBe(0);
      }
      expect((await readdir(path.join(root, "plan", "decisions"))).length).toBe(17 + 24);
      const validate = await runCli(["validate"], root);
      expect(validate.stderr).toMatch(/^0 errors, \d+ warnings\n$/m);
      expect((await runCli(["generate"], root)).code).toBe(0);
    },
    60_000,
  );
});

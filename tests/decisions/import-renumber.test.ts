/**
 * #17.20: `import decisions --renumber` gives imported ADRs whose names or numbers the plan already has the next free
 * numbers, and rewrites the links between the imported files; without it such files are skipped, as before.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { renumberText } from "../../src/cli/commands/decision-renumber.js";

const sections = "## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n";
const planAdr = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n${sections}`;

// Two imported ADRs numbered 2 and 3, as the plan's own are, linking to each other in every way the plan reads.
const SQLITE = (two: string, three: string, threeFile: string) =>
  `# ${two}. Use SQLite\n\nDate: 2025-01-01\n\n## Status\n\nSuperseded by [${three}. Use Postgres](${threeFile})\n\n## Context\n\nSQLite was enough until ADR-${three.padStart(4, "0")} (see also ADR-${three}).\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`;
const POSTGRES = (three: string, two: string, twoFile: string) =>
  `---\nnumber: ${three}\nstatus: accepted\nsupersedes: [${two}]\n---\n\n# ${three}. Use Postgres\n\nDate: 2025-02-01\n\n## Context\n\nThe old one is [ADR ${two}](./${twoFile}); 2 and 3 in prose stay.\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-import-renumber-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
  await mkdir(path.join(root, "plan", "decisions"));
  await writeFile(path.join(root, "plan", "decisions", "0002-use-markdown.md"), planAdr(2, "Use Markdown"));
  await writeFile(path.join(root, "plan", "decisions", "0003-use-git.md"), planAdr(3, "Use Git"));
  await mkdir(path.join(root, "adr"));
  await writeFile(path.join(root, "adr", "0002-use-sqlite.md"), SQLITE("2", "3", "0003-use-postgres.md"));
  await writeFile(path.join(root, "adr", "0003-use-postgres.md"), POSTGRES("3", "2", "0002-use-sqlite.md"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("import decisions --renumber", () => {
  it("gives colliding ADRs the next free numbers and points their links at each other's new files", async () => {
    const result = await runInProcess(["import", "decisions", "adr", "--renumber"], root);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("0002-use-sqlite.md → plan/decisions/0004-use-sqlite.md  (renumbered 0002 → 0004");
    expect(result.stdout).toContain("0003-use-postgres.md → plan/decisions/0005-use-postgres.md  (renumbered 0003 → 0005");
    expect(result.stdout).toContain("copied 2 decisions (0 renamed, 2 renumbered), skipped 0");
    expect((await readdir(path.join(root, "plan", "decisions"))).sort()).toEqual(["0002-use-markdown.md", "0003-use-git.md", "0004-use-sqlite.md", "0005-use-postgres.md"]);
    // Byte for byte but for the numbers and names of the two imported files.
    expect(await readFile(path.join(root, "plan", "decisions", "0004-use-sqlite.md"), "utf8")).toBe(SQLITE("4", "5", "0005-use-postgres.md"));
    expect(await readFile(path.join(root, "plan", "decisions", "0005-use-postgres.md"), "utf8")).toBe(POSTGRES("5", "4", "0004-use-sqlite.md").replace("4 and 5 in prose", "2 and 3 in prose"));
    // The plan's own ADRs are untouched.
    expect(await readFile(path.join(root, "plan", "decisions", "0002-use-markdown.md"), "utf8")).toBe(planAdr(2, "Use Markdown"));

    const validate = await runInProcess(["validate"], root);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout + validate.stderr).not.toMatch(/0004-use-sqlite|0005-use-postgres|unknown-decision|duplicate/);
    const list = await runInProcess(["list", "decisions", "--json"], root);
    const decisions = JSON.parse(list.stdout) as { number: number; title: string; status: string }[];
    expect(decisions.map((d) => [d.number, d.title, d.status])).toEqual([
      [2, "Use Markdown", "accepted"],
      [3, "Use Git", "accepted"],
      [4, "Use SQLite", "superseded"],
      [5, "Use Postgres", "accepted"],
    ]);
  });

  it("prints the same plan with --dry-run, and writes nothing", async () => {
    const dry = await runInProcess(["import", "decisions", "adr", "--renumber", "--dry-run"], root);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("renumbered 0002 → 0004");
    expect(dry.stdout).toContain("renumbered 0003 → 0005");
    expect(dry.stdout).toContain("would copy 2 decisions (0 renamed, 2 renumbered), skip 0");
    expect((await readdir(path.join(root, "plan", "decisions"))).sort()).toEqual(["0002-use-markdown.md", "0003-use-git.md"]);
  });

  it("without --renumber still skips colliding files", async () => {
    const result = await runInProcess(["import", "decisions", "adr"], root);
    expect(result.stdout).toContain("skip    0002-use-sqlite.md: ADR number 2 is taken by plan/decisions/0002-use-markdown.md");
    expect(result.stdout).toContain("skip    0003-use-postgres.md: ADR number 3 is taken by plan/decisions/0003-use-git.md");
    expect((await readdir(path.join(root, "plan", "decisions"))).sort()).toEqual(["0002-use-markdown.md", "0003-use-git.md"]);
  });
});

describe("renumberText", () => {
  const moves = { stems: new Map([["0003-use-x", "0012-use-x"]]), numbers: new Map([[3, 12]]) };

  it("rewrites links, list items of link fields and the ADR's own number, and keeps every other byte", () => {
    const text = "---\r\nnumber: 3\r\nrelates_to:\r\n  - 3\r\n  - 7\r\ntags: [3]\r\n---\r\n\r\n# 3. Use X\r\n\r\nSee [3. Use X](./0003-use-x.md#context), ADR-3, adr-0003, ADR-30 and 3 apples.\r\n";
    expect(renumberText(text, moves, { from: 3, to: 12 })).toBe(
      "---\r\nnumber: 12\r\nrelates_to:\r\n  - 12\r\n  - 7\r\ntags: [3]\r\n---\r\n\r\n# 12. Use X\r\n\r\nSee [12. Use X](./0012-use-x.md#context), ADR-12, adr-0012, ADR-30 and 3 apples.\r\n",
    );
  });

  it("leaves a file that links to none of the renumbered files as it is", () => {
    const text = "# 5. Other\n\nSupersedes: 4\n\n[4. Old](0004-old.md) and 0003-use-xyz.md\n";
    expect(renumberText(text, moves)).toBe(text);
  });
});

/**
 * `import decisions` reads each file with the plan reader's checks (issue #18 item 11): a binary `.md`, one over the
 * size limit (by its characters or its bytes) and a FIFO named `.md` are skipped with the reason, never crash the
 * command (exit 4, `reading 'fields'`) nor hang it; the good files are imported.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, open, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess as runCli } from "../helpers/run-in-process.js";
import { lines } from "../parse/helpers.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-import-checks-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
  await mkdir(path.join(root, "doc", "adr"), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const adr = (name: string) => path.join(root, "doc", "adr", name);

describe("import decisions: the reader's checks", () => {
  it("skips binary, oversized and FIFO `.md` files with the reason, and imports the rest", { timeout: 60_000 }, async () => {
    await writeFile(adr("0001-good.md"), lines("# 1. Good", "", "Date: 2016-02-12", "", "## Status", "", "Accepted", "", "## Context", "", "C.", "", "## Decision", "", "D."));
    await writeFile(adr("0002-binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    // 550 KB of text: within the byte limit, over the character limit.
    await writeFile(adr("0003-wide.md"), `# 3. Wide\n\n${"word ".repeat(110_000)}\n`);
    const huge = await open(adr("0004-huge.md"), "w");
    await huge.truncate(3 * 1024 ** 3);
    await huge.close();
    execFileSync("mkfifo", [adr("0005-pipe.md")]);
    // A FIFO among the plan's own ADRs is not waited on either.
    await mkdir(path.join(root, "plan", "decisions"));
    execFileSync("mkfifo", [path.join(root, "plan", "decisions", "0009-pipe.md")]);

    const result = await runCli(["import", "decisions", "doc/adr"], root);
    // The plan after the import is checked, as `validate` would: nothing wrong in it.
    expect(result.stderr).toBe("0 errors, 0 warnings in the plan\n");
    expect(result.code).toBe(0);
    const out = result.stdout.split("\n");
    expect(out).toContain("skip    0002-binary.md: not text (it contains NUL bytes)");
    expect(out.find((l) => l.startsWith("skip    0003-wide.md: "))).toMatch(
      /^skip {4}0003-wide\.md: not readable as a decision: file has 550,\d{3} characters; paraplan reads at most 524,288 per file$/,
    );
    expect(out).toContain("skip    0004-huge.md: too large (3,221,225,472 bytes; paraplan reads at most 524,288 characters per file)");
    expect(out).toContain("skip    0005-pipe.md: not a regular file (a pipe, socket or device): import reads regular files only");
    expect(result.stdout).toContain("copied 1 decision (0 renamed), skipped 4\n");
    expect((await readdir(path.join(root, "plan", "decisions"))).sort()).toEqual(["0001-good.md", "0009-pipe.md"]);
  });
});

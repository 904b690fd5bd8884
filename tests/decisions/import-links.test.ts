/** #18.4: `import decisions` reads regular files only: a symbolic link or a pipe is skipped and named, never followed. */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const ADR = "# 1. Use Markdown\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n";
const SECRET = "root:x:0:0:secret line\n";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-import-links-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
  await mkdir(path.join(root, "adr"));
  await writeFile(path.join(root, "adr", "0001-use-markdown.md"), ADR);
  await writeFile(path.join(root, "secret.md"), SECRET);
  await symlink(path.join(root, "secret.md"), path.join(root, "adr", "0009-passwd.md"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("import decisions", () => {
  it("skips a symbolic link and says so, copying only the regular files", async () => {
    const result = await runInProcess(["import", "decisions", "adr"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("skip    0009-passwd.md: a symbolic link: import reads regular files only");
    expect(await readdir(path.join(root, "plan", "decisions"))).toEqual(["0001-use-markdown.md"]);
    const generate = await runInProcess(["generate", "-q"], root);
    expect(generate.code, generate.stderr).toBe(0);
    for (const dir of ["plan", "out"]) {
      for (const file of await readdir(path.join(root, dir), { recursive: true })) {
        if (file.endsWith(".md")) expect(await readFile(path.join(root, dir, file), "utf8"), file).not.toContain("secret line");
      }
    }
  });

  it.skipIf(process.platform === "win32")("skips a named pipe instead of waiting on it", async () => {
    execFileSync("mkfifo", [path.join(root, "adr", "0002-pipe.md")]);
    const result = await runInProcess(["import", "decisions", "adr", "--dry-run"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("skip    0002-pipe.md: not a regular file (a pipe, socket or device): import reads regular files only");
  });
});

/** `paraplan check` prints a unified diff that `git apply` and `patch` accept (#17.16). */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });

describe("check's diff", () => {
  it("has --- and +++ lines and applies with git apply and patch -p1, giving what generate writes", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "paraplan-diff-"));
    await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
    expect((await runInProcess(["generate"], project)).code).toBe(0);
    git(project, "init", "-q");
    git(project, "add", "-A");
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "generated");

    const risk = path.join(
      project,
      "plan",
      "risks",
      (await import("node:fs")).readdirSync(path.join(project, "plan", "risks")).find((f) => f.startsWith("R1-"))!,
    );
    await writeFile(risk, (await readFile(risk, "utf8")).replace("status: open", "status: monitoring"));
    const check = await runInProcess(["check"], project);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^--- a\/out\/\S+\.md\n\+\+\+ b\/out\/\S+\.md\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    const patchFile = path.join(project, "check.patch");
    await writeFile(patchFile, check.stdout);
    git(project, "apply", "--check", patchFile);
    execFileSync("patch", ["-p1", "--dry-run", "-i", patchFile], { cwd: project, stdio: "pipe" });

    // Applied, the files read as the plan renders them.
    git(project, "apply", patchFile);
    expect((await runInProcess(["generate", "--out", "expected"], project)).code).toBe(0);
    const changed = [...check.stdout.matchAll(/^\+\+\+ b\/out\/(\S+)$/gm)].map((m) => m[1]!);
    expect(changed.length).toBeGreaterThan(0);
    for (const file of changed) {
      const block = check.stdout.slice(check.stdout.indexOf(`+++ b/out/${file}\n`)).split(/\n(?=\S+ out\/)/)[0]!;
      if (block.includes("more diff lines")) continue;
      expect(await readFile(path.join(project, "out", file), "utf8"), file).toBe(await readFile(path.join(project, "expected", file), "utf8"));
    }
  });
});

describe("unifiedDiffParts", () => {
  it("keeps whole hunks under a cap, so a cut diff still applies, and counts what it left out", async () => {
    const { unifiedDiffParts } = await import("../../src/writeback/unified-diff.js");
    const before = Array.from({ length: 60 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 5\n", "line five\n").replace("line 50\n", "line fifty\n");
    const full = unifiedDiffParts("x.md", before, after, { context: 2 });
    expect(full.omitted).toBe(0);
    expect(full.text.match(/^@@/gm)).toHaveLength(2);
    const cut = unifiedDiffParts("x.md", before, after, { context: 2, maxLines: 8 });
    expect(cut.text).toBe(["--- a/x.md", "+++ b/x.md", "@@ -4,5 +4,5 @@", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7", ""].join("\n"));
    expect(cut.omitted).toBe(7);
  });
});

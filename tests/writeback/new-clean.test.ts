/** A record made by `paraplan new` validates with no warning of its own (#17.13). */
import { cp, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

describe("new decision", () => {
  it("writes a draft that gives no warning", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-new-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const result = await runInProcess(["new", "decision", "Use SQLite for the cache", "--date", "2026-12-07"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created plan/decisions/0004-use-sqlite-for-the-cache.md");
    expect(result.stdout).not.toContain("warning");
    // The embedded plan has no warning, and the new draft adds none.
    expect(result.stderr).toBe("0 errors, 0 warnings\n");
  });
});

describe("new workstream", () => {
  it("goes to the last wave when no --wave is given, so it validates with no warning (no-wave)", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-new-ws-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const result = await runInProcess(["new", "workstream", "Search Index", "--agent", "python-pro", "--depends-on", "TD2"], root);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(root, "plan", "workstreams", "TD5-search-index.md"), "utf8")).toContain("\nwave: 5\n");
    expect(result.stderr).toBe("0 errors, 0 warnings\n");
  });
});

describe("new record titles", () => {
  it("escape what the heading would read as markup, so the name reads back as given", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-new-title-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const title = "Fix *a* and `b` <c>";
    const result = await runInProcess(["new", "workstream", title, "--agent", "python-pro"], root);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(path.join(root, "plan", "workstreams", "TD5-fix-a-and-b-c.md"), "utf8");
    expect(text).toContain("\n# TD5: Fix \\*a\\* and \\`b\\` \\<c>\n");
    const listed = await runInProcess(["list", "workstreams", "--json"], root);
    expect((JSON.parse(listed.stdout) as { id: string; name: string }[]).find((w) => w.id === "TD5")?.name).toBe(title);
  });
});

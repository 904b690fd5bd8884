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

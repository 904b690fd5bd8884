import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { makeFolder } from "../../src/io/make-folder.js";
import { REPO } from "../helpers/run-cli.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-mkdir-"));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe("makeFolder", () => {
  it("creates missing parents and accepts a folder that exists", async () => {
    const deep = path.join(dir, "a", "b", "c");
    await makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await expect(makeFolder(deep)).resolves.toBeUndefined();
  });

  it("fails at once when a file is in the way", async () => {
    await writeFile(path.join(dir, "file"), "x");
    await expect(makeFolder(path.join(dir, "file"))).rejects.toMatchObject({ code: "EEXIST" });
    await expect(makeFolder(path.join(dir, "file", "sub"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  // /proc exists but refuses new entries with ENOENT, on which Node's recursive mkdir retries for ever.
  it.runIf(process.platform === "linux" && existsSync("/proc/self"))("fails at once in a folder that refuses children (/proc)", async () => {
    const started = Date.now();
    await expect(makeFolder("/proc/paraplan-x/y")).rejects.toMatchObject({ code: "ENOENT" });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("generate into a folder that cannot be created", () => {
  it.runIf(process.platform === "linux" && existsSync("/proc/self"))("ends with exit 3 and the reason, at once", { timeout: 20_000 }, async () => {
    let stderr = "";
    const started = Date.now();
    const code = await run(["generate", "--no-cache", "--plan", path.join(REPO, "plan"), "--out", "/proc/paraplan-x"], {
      cwd: dir,
      env: {},
      isTTY: false,
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      waitForStop: () => Promise.resolve(),
    });
    expect(code).toBe(3);
    expect(stderr).toContain("/proc/paraplan-x");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

/** #18.16: a lock file naming a process id no process can have (0, -1, 1.5) is abandoned at once, not waited on. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_NAME, withOutputLock } from "../../src/io/output-lock.js";

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), "paraplan-lock-pid-"));
  await mkdir(out, { recursive: true });
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("a lock with an impossible pid", () => {
  for (const [pid, host] of [
    [0, os.hostname()],
    [-1, os.hostname()],
    [1.5, os.hostname()],
    [0, "another-host"],
  ] as const) {
    it(`(pid ${pid} on ${host === os.hostname() ? "this host" : "another host"}) is taken over at once`, async () => {
      await writeFile(path.join(out, LOCK_NAME), `${JSON.stringify({ pid, host, started: new Date().toISOString(), token: "forged" })}\n`);
      const started = Date.now();
      // Before: pid 0 asked about this process group, always alive, and the run waited until the timeout.
      const ran = await withOutputLock(out, () => Promise.resolve("ran"), { timeoutMs: 3_000 });
      expect(ran).toBe("ran");
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await readdir(out)).toEqual([]);
    });
  }
});

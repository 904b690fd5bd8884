/**
 * Concurrency: two `generate` runs at once on different plan states leave `out/` equal to one complete run,
 * never a mix; the output lock serialises writers and takes over a lock whose process died.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutputLockedError } from "../../src/diagnostics/errors.js";
import { LOCK_NAME, withOutputLock } from "../../src/io/output-lock.js";
import { runCli } from "../helpers/run-cli.js";
import { LONG } from "./helpers/fuzz.js";
import { hiddenFiles, readOutputs, twoStates } from "./helpers/plan-states.js";

let root: string;
let planA: string;
let planB: string;
let refA: Map<string, string>;
let refB: Map<string, string>;

beforeAll(async () => {
  ({ root, planA, planB, refA, refB } = await twoStates("paraplan-race-"));
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Which complete run an output folder equals: "a", "b", or a description of the mix. */
function whichRun(out: Map<string, string>): string {
  const same = (ref: Map<string, string>) => out.size === ref.size && [...ref].every(([p, c]) => out.get(p) === c);
  if (same(refA)) return "a";
  if (same(refB)) return "b";
  const fromA = [...out].filter(([p, c]) => refA.get(p) === c).length;
  const fromB = [...out].filter(([p, c]) => refB.get(p) === c).length;
  return `a mix: ${out.size} files, ${fromA} as in a, ${fromB} as in b`;
}

describe("two generate runs at once", () => {
  it("the two states differ in most files, so a mix would show", () => {
    expect(refA.size).toBeGreaterThan(40);
    const differing = [...refA.keys()].filter((p) => refB.get(p) !== refA.get(p)).length;
    expect(differing).toBeGreaterThan(refA.size / 2);
  });

  it("leave out/ equal to one complete run, whatever the interleaving", { timeout: 120_000 }, async () => {
    const out = path.join(root, "out");
    const rounds = LONG ? 12 : 2;
    for (let round = 0; round < rounds; round++) {
      // Alternate which run starts first; both start before either has rendered anything. Without the cache, so
      // that neither run can see from its last build's manifest that there is nothing to do: both always write.
      const order = round % 2 === 0 ? [planA, planB] : [planB, planA];
      const runs = await Promise.all(order.map((plan) => runCli(["generate", "--plan", plan, "--out", out, "-q", "--no-cache"], root)));
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(whichRun(await readOutputs(out))).toMatch(/^[ab]$/);
      expect(await hiddenFiles(out)).toEqual([]);
    }
  });
});

describe("the output lock", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-lock-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("serialises runs in one process: their critical sections never overlap", async () => {
    let inside = 0;
    let most = 0;
    const section = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
    };
    await Promise.all(Array.from({ length: 5 }, () => withOutputLock(dir, section)));
    expect(most).toBe(1);
    expect(await hiddenFiles(dir)).toEqual([]);
  });

  it("may be taken again by its holder, without waiting for itself", async () => {
    await expect(withOutputLock(dir, () => withOutputLock(dir, () => Promise.resolve("nested"), { timeoutMs: 100 }))).resolves.toBe("nested");
    expect(await hiddenFiles(dir)).toEqual([]);
  });

  it("is released when the work fails", async () => {
    await expect(withOutputLock(dir, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withOutputLock(dir, () => Promise.resolve("next"), { timeoutMs: 100 })).resolves.toBe("next");
  });

  it("takes over a lock left by a process that died", async () => {
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("exit", () => resolve(child.pid!));
    });
    await writeFile(path.join(dir, LOCK_NAME), JSON.stringify({ pid: dead, host: os.hostname(), started: "2020-01-01T00:00:00Z", token: "old" }));
    await expect(withOutputLock(dir, () => Promise.resolve("taken over"), { timeoutMs: 100 })).resolves.toBe("taken over");
    expect(await hiddenFiles(dir)).toEqual([]);
  });

  it("clears what a run killed while taking the lock left behind, and nothing of a live run", async () => {
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("exit", () => resolve(child.pid!));
    });
    const leftovers = [`${LOCK_NAME}.${dead}.0a1b.tmp`, `${LOCK_NAME}.${dead}.0a1b.stale`];
    const live = `${LOCK_NAME}.${process.pid}.0c2d.tmp`;
    for (const name of [...leftovers, live]) await writeFile(path.join(dir, name), "");
    await withOutputLock(dir, () => Promise.resolve());
    expect(await hiddenFiles(dir)).toEqual([live]);
    await rm(path.join(dir, live));
  });

  it("waits for a live holder, then gives up with a message that names it", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      await writeFile(path.join(dir, LOCK_NAME), JSON.stringify({ pid: child.pid, host: os.hostname(), started: "now", token: "live" }));
      const started = Date.now();
      const error = await withOutputLock(dir, () => Promise.resolve(), { timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputLockedError);
      expect(String(error)).toContain(`pid ${child.pid} on ${os.hostname()}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.on("exit", resolve));
    }
    // Its holder gone, the lock is taken over.
    await expect(withOutputLock(dir, () => Promise.resolve("after"), { timeoutMs: 100 })).resolves.toBe("after");
  });

  it("takes over a lock from another host, or an unreadable one, only once it is old", async () => {
    const lock = path.join(dir, LOCK_NAME);
    await writeFile(lock, JSON.stringify({ pid: 1, host: "elsewhere.example", started: "now", token: "remote" }));
    await expect(withOutputLock(dir, () => Promise.resolve(), { timeoutMs: 150, staleMs: 60_000 })).rejects.toBeInstanceOf(OutputLockedError);
    await expect(withOutputLock(dir, () => Promise.resolve("old enough"), { timeoutMs: 150, staleMs: 0 })).resolves.toBe("old enough");
    await mkdir(dir, { recursive: true });
    await writeFile(lock, "");
    await expect(withOutputLock(dir, () => Promise.resolve(), { timeoutMs: 150 })).rejects.toBeInstanceOf(OutputLockedError);
    await expect(withOutputLock(dir, () => Promise.resolve("empty and old"), { timeoutMs: 150, staleMs: 0 })).resolves.toBe("empty and old");
  });
});

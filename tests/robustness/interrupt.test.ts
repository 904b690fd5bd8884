/**
 * Interrupt: `generate` killed with SIGKILL at moments spread over its writes leaves every file of `out/` either
 * old or new, never half-written; what it leaves behind (a lock, temporary files) is hidden from `check` and
 * cleared by the next run, which completes.
 */
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { LONG } from "./helpers/fuzz.js";
import { hiddenFiles, readOutputs, twoStates } from "./helpers/plan-states.js";

let root: string;
let planB: string;
let refA: Map<string, string>;
let refB: Map<string, string>;

beforeAll(async () => {
  ({ root, planB, refA, refB } = await twoStates("paraplan-kill-"));
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** When to kill: a time after the run takes the output lock, or right after its n-th file is renamed into place. */
type Moment = { afterLockMs: number } | { afterWrites: number };

/** Starts `generate` from state A's output towards state B, and kills it with SIGKILL at the given moment. */
function generateAndKill(out: string, moment: Moment): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "generate", "--plan", planB, "--out", out, "-q"], { cwd: root, stdio: "ignore" });
    let writes = 0;
    let fired = false;
    const fire = (ms: number) => {
      fired = true;
      setTimeout(() => child.kill("SIGKILL"), ms);
    };
    const onEvent = (name: string | null) => {
      if (fired || !name) return;
      // The lock is taken right before the comparison and the first write.
      if ("afterLockMs" in moment && name.startsWith(".paraplan.lock")) fire(moment.afterLockMs);
      // A visible name appearing is a temporary file renamed into place: one file written.
      if ("afterWrites" in moment && !name.startsWith(".") && ++writes >= moment.afterWrites) fire(0);
    };
    const watchers = [out, path.join(out, "prompts")].map((dir) => watch(dir, (_event, name) => onEvent(name)));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const w of watchers) w.close();
      resolve({ killed: signal === "SIGKILL" && code === null });
    });
  });
}

/** Checks that each path of the output folder holds state A's file or state B's, whole, and that none vanished. */
function expectOldOrNew(out: Map<string, string>): "old" | "new" | "partial" {
  for (const [file, content] of out) {
    expect(refA.has(file) || refB.has(file), `${file} is neither old nor new`).toBe(true);
    expect([refA.get(file), refB.get(file)], `${file} is half-written`).toContain(content);
  }
  // A path both states produce is replaced by a rename, so it is never missing in between.
  for (const file of refA.keys()) if (refB.has(file)) expect(out.has(file), `${file} vanished`).toBe(true);
  const same = (ref: Map<string, string>) => out.size === ref.size && [...ref].every(([p, c]) => out.get(p) === c);
  return same(refA) ? "old" : same(refB) ? "new" : "partial";
}

describe("generate killed at any moment", () => {
  it("leaves every file old or new, and the next run cleans up and completes", { timeout: 180_000 }, async () => {
    const moments: Moment[] = LONG
      ? [...Array.from({ length: 20 }, (_, i) => ({ afterLockMs: i * 15 })), ...Array.from({ length: 30 }, (_, i) => ({ afterWrites: 1 + i * 2 }))]
      : [{ afterLockMs: 0 }, { afterWrites: 1 }, { afterWrites: 8 }, { afterWrites: 30 }];
    const seen: string[] = [];
    for (const moment of moments) {
      const out = path.join(root, `out-${seen.length}`);
      await cp(path.join(root, "ref-a"), out, { recursive: true });
      const { killed } = await generateAndKill(out, moment);
      const state = expectOldOrNew(await readOutputs(out));
      seen.push(`${JSON.stringify(moment)}: ${killed ? "killed" : "finished"}, ${state}`);

      // `check` sees only Markdown files: a stale folder is stale, never confused by temporary files. It and the next
      // run need no process of their own (only the killed run does): they run in this one, which saves two starts a moment.
      const check = await runInProcess(["check", "--plan", planB, "--out", out], root);
      expect(check.code).toBe(state === "new" ? 0 : 1);
      expect(check.stdout).not.toMatch(/paraplan-tmp|\.paraplan\.lock/);

      const next = await runInProcess(["generate", "--plan", planB, "--out", out, "-q"], root);
      expect(next.code, next.stderr).toBe(0);
      expect(expectOldOrNew(await readOutputs(out))).toBe("new");
      expect(await hiddenFiles(out)).toEqual([]);
      await rm(out, { recursive: true, force: true });
    }
    // The kills landed inside the writes at least once: some files new, some still old.
    expect(seen.join("\n")).toMatch(/killed, partial/);
  });
});

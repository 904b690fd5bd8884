import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { link, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { OutputLockedError } from "../diagnostics/errors.js";
import { createNewFile } from "./create-new-file.js";
import { possiblePid, processAlive } from "./process-alive.js";
import { makeFolder } from "./make-folder.js";

/** The lock file in the output folder: a dot-file, so neither `check` nor the orphan search ever sees it. */
export const LOCK_NAME = ".paraplan.lock";

/** Who holds a lock: enough to tell whether that process is still alive. */
interface Holder {
  pid: number;
  host: string;
  started: string;
  token: string;
}

/** How long to wait for another run, how often to look, and when a lock from another host counts as abandoned. */
export interface LockOptions {
  timeoutMs?: number;
  pollMs?: number;
  /** Age after which a lock whose holder cannot be checked (another host, unreadable) is taken over. */
  staleMs?: number;
}

const DEFAULTS = { timeoutMs: 60_000, pollMs: 50, staleMs: 10 * 60_000 } as const;

// Runs in this process wait for each other here; the lock file is for other processes.
const queues = new Map<string, Promise<unknown>>();
// The folders whose lock the current asynchronous call chain holds, so that a holder may take it again.
const holding = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `fn` while holding the output folder's lock, so two runs never write `out/` at the same time.
 * A lock left by a process that died (same host, pid gone) is taken over; otherwise this waits, then gives up.
 * Re-entrant: code running inside `fn` may take the same lock again without waiting for itself.
 */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const key = path.resolve(outDir);
  const held = holding.getStore() ?? new Set<string>();
  if (held.has(key)) return fn();
  const before = queues.get(key) ?? Promise.resolve();
  const run = before
    .catch(() => undefined)
    .then(async () => {
      await makeFolder(key);
      const release = await acquire(path.join(key, LOCK_NAME), { ...DEFAULTS, ...options });
      try {
        return await holding.run(new Set([...held, key]), fn);
      } finally {
        await release();
      }
    });
  queues.set(key, run);
  try {
    return await run;
  } finally {
    if (queues.get(key) === run) queues.delete(key);
  }
}

/** Takes the lock file, waiting while a live process holds it; resolves to the function that releases it. */
async function acquire(lockFile: string, options: Required<LockOptions>): Promise<() => Promise<void>> {
  const me: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomUUID() };
  const text = `${JSON.stringify(me)}\n`;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    // A hard link to a complete temporary file: the lock file is created with its content in one step, or not at all.
    if (await createNewFile(lockFile, text)) {
      await removeLeftovers(lockFile);
      return () => release(lockFile, me.token);
    }
    // Gone meanwhile: try again at once. Unreadable: judged by its age alone.
    const seen = await readFile(lockFile, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : ""));
    if (seen === undefined) continue;
    if (await isStale(lockFile, seen, options.staleMs)) {
      await breakLock(lockFile, seen, me.token);
      continue;
    }
    if (Date.now() > deadline) throw new OutputLockedError(lockFile, describeHolder(seen));
    // A little jitter, so that runs waiting for the same lock do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, options.pollMs * (0.5 + Math.random())));
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const data = JSON.parse(text) as Partial<Holder>;
    return typeof data.pid === "number" && typeof data.host === "string" && typeof data.token === "string" ? (data as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function describeHolder(text: string): string {
  const holder = parseHolder(text);
  return holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.started}` : "unreadable lock file";
}

/** A lock is abandoned when its process is gone; one that cannot be checked, when it is older than `staleMs`. */
async function isStale(lockFile: string, text: string, staleMs: number): Promise<boolean> {
  const holder = parseHolder(text);
  // No process anywhere has pid 0 or -1: such a lock was written by hand or by a bug, not by a run that may come back.
  if (holder && !possiblePid(holder.pid)) return true;
  if (holder && holder.host === os.hostname()) return !processAlive(holder.pid);
  const info = await stat(lockFile).catch(() => undefined);
  if (!info) return false;
  // An unreadable lock may be one being written right now (the no-hard-link path): give it a few seconds.
  const age = Date.now() - info.mtimeMs;
  return holder ? age > staleMs : age > Math.min(staleMs, 5_000);
}

/**
 * Removes an abandoned lock: renamed away first, so that of two runs breaking it at once only one succeeds;
 * a lock that turns out to be a fresh one (taken meanwhile) is put back.
 */
async function breakLock(lockFile: string, seen: string, token: string): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${token}.stale`;
  try {
    await rename(lockFile, aside);
  } catch {
    return;
  }
  const taken = await readFile(aside, "utf8").catch(() => seen);
  if (taken !== seen) await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** The temporary files of taking and breaking a lock: `.paraplan.lock.<pid>.<token>.tmp` and `….stale`. */
const LEFTOVER = /^\.paraplan\.lock\.(\d+)\.[0-9a-f-]+\.(tmp|stale)$/;

/** Removes what runs killed while taking or breaking the lock left behind: only files of processes that are gone. */
async function removeLeftovers(lockFile: string): Promise<void> {
  const dir = path.dirname(lockFile);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (m && !processAlive(Number(m[1]))) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/** Deletes the lock file if it is still ours. */
async function release(lockFile: string, token: string): Promise<void> {
  const text = await readFile(lockFile, "utf8").catch(() => undefined);
  if (text !== undefined && parseHolder(text)?.token === token) await unlink(lockFile).catch(() => undefined);
}

import os from "node:os";
import { Worker } from "node:worker_threads";
import type { Job } from "./worker.js";

/** Runs jobs on worker threads, one queue shared by all workers; the results come back in job order. */
export interface WorkerPool {
  run<T>(job: Job): Promise<T>;
  close(): Promise<void>;
}

const WORKER = new URL("./worker.js", import.meta.url);

/**
 * Cores a machine needs before parsing on worker threads pays. Measured on 2 cores (`npm run bench`): parsing in one
 * thread already keeps both busy (V8 compiles and collects garbage on the second), and two workers, each warming up
 * its own copy of the parser and handing its records back by copy, took as long as one thread and 100 MB more.
 */
export const WORKERS_FROM_CORES = 4;

/** Whether workers can and should be used: from the compiled build (a worker cannot load TypeScript sources), with cores to spare. */
export function workersAvailable(cores = os.availableParallelism()): boolean {
  return WORKER.pathname.endsWith(".js") && cores >= WORKERS_FROM_CORES;
}

/** Starts a pool with one worker per core (at most `max`). */
export function createWorkerPool(max = os.availableParallelism()): WorkerPool {
  const size = Math.max(1, Math.min(max, os.availableParallelism()));
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: { job: Job; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; worker: Worker }>();
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { job, resolve, reject } = queue.shift()!;
      const id = nextId++;
      pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, job });
    }
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(WORKER);
    // Workers must not keep the process alive once the command is done.
    worker.unref();
    worker.on("message", (message: { id: number; result?: unknown; error?: string }) => {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      if (message.error !== undefined) entry.reject(new Error(message.error));
      else entry.resolve(message.result);
      idle.push(worker);
      dispatch();
    });
    worker.on("error", (error) => {
      for (const [id, entry] of pending) {
        if (entry.worker !== worker) continue;
        pending.delete(id);
        entry.reject(error);
      }
    });
    workers.push(worker);
    idle.push(worker);
  }
  return {
    run<T>(job: Job) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

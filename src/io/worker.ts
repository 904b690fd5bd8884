// A worker thread that parses plan files, so spare cores work on big plans.
import { parentPort } from "node:worker_threads";
import { parseRecord } from "../parse/parse-record.js";

/** A unit of work sent to a worker. */
export type Job = { kind: "parse"; text: string; file: string; relative: string };

parentPort?.on("message", (message: { id: number; job: Job }) => {
  const { id, job } = message;
  try {
    parentPort!.postMessage({ id, result: parseRecord(job.text, job.file, job.relative) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});

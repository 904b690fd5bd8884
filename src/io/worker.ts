// A worker thread that parses plan files, so every core works on big plans.
import { parentPort } from "node:worker_threads";
import { parseRecord } from "../parse/parse-record.js";

/** A unit of work sent to a worker. */
export type Job = { kind: "parse"; text: string; file: string; relative: string };

parentPort?.on("message", (message: { id: number; job: Job }) => {
  const { id, job } = message;
  const run = async () => parseRecord(job.text, job.file, job.relative);
  run().then(
    (result) => parentPort!.postMessage({ id, result }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});

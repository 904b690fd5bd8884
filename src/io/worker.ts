// A worker thread that parses plan files and formats rendered Markdown, so both cores work on big plans.
import { parentPort } from "node:worker_threads";
import { parseRecord } from "../parse/parse-record.js";
import { formatMarkdown } from "../render/format-markdown.js";

/** A unit of work sent to a worker. */
export type Job = { kind: "parse"; text: string; file: string; relative: string } | { kind: "format"; markdown: string };

parentPort?.on("message", (message: { id: number; job: Job }) => {
  const { id, job } = message;
  const run = async () => (job.kind === "parse" ? parseRecord(job.text, job.file, job.relative) : await formatMarkdown(job.markdown));
  run().then(
    (result) => parentPort!.postMessage({ id, result }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});

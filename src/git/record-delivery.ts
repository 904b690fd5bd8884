/**
 * Records that a workstream's agent received its prompt (`prompt --mark-delivered`, and `worktrees` when it writes
 * PROMPT.md): the plan's commit, whether the plan was dirty, and the prompt's version stamp.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "../io/atomic-write.js";
import { FileChangedError, RevisionError } from "../diagnostics/errors.js";
import { DELIVERY_RECORD, emptyDeliveryRecord, formatDeliveryRecord, parseDeliveryRecord, type Delivery, type DeliveryRecord } from "../model/delivery-record.js";
import { contentHash, inspectGenerated, withoutHeader } from "../render/generated-header.js";
import { assertWritableInside } from "../io/inside-folder.js";
import { makeFolder } from "../io/make-folder.js";
import { withOutputLock } from "../io/output-lock.js";
import { locatePlan, planIsDirty } from "./plan-at-revision.js";
import { runGit } from "./run-git.js";

/** The version stamp of a prompt's text (with or without its generated header): `sha256:` and the hash of its content. */
export function promptStamp(prompt: string): string {
  const { header } = inspectGenerated(prompt);
  return `sha256:${header?.hash ?? contentHash(withoutHeader(prompt))}`;
}

/** The record as it is on disk, with the hash of its bytes (to refuse a write over a change made meanwhile); empty when there is none. */
export async function readDeliveryRecord(planDir: string): Promise<{ record: DeliveryRecord; hash: string | null }> {
  const abs = path.join(planDir, DELIVERY_RECORD);
  const bytes = await readFile(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (!bytes) return { record: emptyDeliveryRecord(), hash: null };
  try {
    return { record: parseDeliveryRecord(bytes.toString("utf8")), hash: sha256(bytes) };
  } catch (error) {
    throw new RevisionError(`${DELIVERY_RECORD} in the plan folder cannot be read: ${(error as Error).message}`, "Fix the file (or delete it: the next delivery writes a new one).");
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Records that workstream `workstream` was given `prompt` (its text, header or not) now: HEAD's commit, whether the
 * plan folder was dirty, and the prompt's stamp, in `plan/.paraplan/delivered.json`. The write is atomic, and refused
 * (FileChangedError) when another run changed the record since it was read. Returns what was recorded.
 */
export async function recordDelivery(source: { planDir: string; root: string }, workstream: string, prompt: string, now: Date = new Date()): Promise<Delivery> {
  const where = await locatePlan(source.planDir, source.root).catch(() => undefined);
  const head = where ? await runGit(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { cwd: where.repository.top }) : undefined;
  const commit = head && head.code === 0 ? head.stdout.trim() : null;
  const dirty = where ? await planIsDirty(where) : true;
  const delivery: Delivery = { commit, dirty, prompt: promptStamp(prompt), at: now.toISOString().replace(/\.\d{3}Z$/, "Z") };
  const abs = path.join(source.planDir, DELIVERY_RECORD);
  await assertWritableInside(source.planDir, abs, "the plan folder");
  await makeFolder(path.dirname(abs));
  // One delivery at a time (worktrees records several; two runs may record at once): read, change and write under the
  // folder's lock; a change made without it (an editor, a merge) since the read is refused, never overwritten.
  await withOutputLock(path.dirname(abs), async () => {
    const { record, hash } = await readDeliveryRecord(source.planDir);
    record.workstreams[workstream] = delivery;
    const current = await readFile(abs).catch(() => undefined);
    if ((current ? sha256(current) : null) !== hash) throw new FileChangedError(path.relative(source.root, abs));
    await writeAtomic(abs, formatDeliveryRecord(record));
  });
  return delivery;
}

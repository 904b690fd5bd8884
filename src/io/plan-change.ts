import { createHash } from "node:crypto";
import { open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { ChangeInProgressError } from "../diagnostics/errors.js";
import { diagnostic, FILE_START, type Diagnostic } from "../diagnostics/diagnostic.js";
import { writeAtomic } from "./atomic-write.js";
import { isWithin } from "./inside-folder.js";
import { processAlive } from "./process-alive.js";
import { toPosix } from "./posix-path.js";

/**
 * A change that spans several plan files (`decision supersede` edits two ADRs) is applied through a journal, so that
 * a run killed at any moment leaves the plan before or after the change, never half of it:
 *
 * 1. the journal `plan/.paraplan-change.json` is created exclusively (state `staging`: it lists the temporaries);
 * 2. every new text is written to a hidden temporary beside its file and flushed;
 * 3. the journal is replaced by one in state `committing`: from here on the change is decided;
 * 4. each temporary is renamed over its file; then the journal is removed.
 *
 * The next paraplan run that reads the plan and finds the journal of a run that is gone finishes it: a `staging`
 * journal is rolled back (its temporaries removed, no plan file was touched), a `committing` one rolled forward.
 */
const JOURNAL = ".paraplan-change.json";

/** Whether a multi-file change is under way, or was left half-applied, in the plan folder (its journal exists). */
export async function planChangePending(planDir: string): Promise<boolean> {
  return (await stat(path.join(planDir, JOURNAL)).catch(() => undefined)) !== undefined;
}

/** One file of a change, by path inside the plan folder, with the hashes of its bytes before and after. */
interface JournalEntry {
  target: string;
  temporary: string;
  before: string;
  after: string;
}

interface Journal {
  pid: number;
  startedAt: number;
  state: "staging" | "committing";
  files: JournalEntry[];
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

// A change takes milliseconds: a journal this old belongs to a run that hangs or to a process id used again.
const STALE_MS = 5 * 60_000;

/** Whether the run that wrote a journal is gone. */
function abandoned(journal: Journal): boolean {
  if (journal.pid === process.pid) return false;
  if (typeof journal.startedAt !== "number" || Date.now() - journal.startedAt > STALE_MS) return true;
  return !processAlive(journal.pid);
}

/** Writes bytes to a new file (never over one) and flushes them to disk. */
async function writeFlushed(abs: string, data: string | Buffer, flag: "wx" | "w"): Promise<void> {
  const handle = await open(abs, flag);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces the journal in one rename, so it is always a whole journal. */
async function rewriteJournal(planDir: string, journal: Journal): Promise<void> {
  await writeAtomic(path.join(planDir, JOURNAL), JSON.stringify(journal));
}

/**
 * Writes new texts over several plan files as one change (see `JOURNAL`). `changes` give each file's absolute path,
 * the hash of the bytes it had when read, and its new bytes. Throws ChangeInProgressError while another run changes
 * the plan.
 */
export async function applyPlanChange(planDir: string, changes: readonly { abs: string; before: string; bytes: Buffer | string }[]): Promise<void> {
  const journalAbs = path.join(planDir, JOURNAL);
  const files: JournalEntry[] = changes.map((c) => {
    const temporary = path.join(path.dirname(c.abs), `.${path.basename(c.abs)}.${process.pid}.paraplan-change`);
    return { target: path.relative(planDir, c.abs), temporary: path.relative(planDir, temporary), before: c.before, after: sha256(c.bytes) };
  });
  const journal: Journal = { pid: process.pid, startedAt: Date.now(), state: "staging", files };
  await writeFlushed(journalAbs, JSON.stringify(journal), "wx").catch((error: NodeJS.ErrnoException) => {
    throw error.code === "EEXIST" ? new ChangeInProgressError(JOURNAL) : error;
  });
  try {
    for (const [i, c] of changes.entries()) await writeFlushed(path.join(planDir, files[i]!.temporary), c.bytes, "w");
    await rewriteJournal(planDir, { ...journal, state: "committing" });
  } catch (error) {
    await rollBack(planDir, journal);
    throw error;
  }
  await rollForward(planDir, files);
  await rm(journalAbs, { force: true });
}

/** Removes a staged change's temporaries and its journal: no plan file was touched yet. */
async function rollBack(planDir: string, journal: Journal): Promise<void> {
  for (const f of journal.files) await rm(path.join(planDir, f.temporary), { force: true });
  await rm(path.join(planDir, JOURNAL), { force: true });
}

/**
 * Renames each temporary over its file; one already renamed has no temporary left. A file whose bytes are neither the
 * old nor the new ones was edited since: it is left as it is and named in the result.
 */
async function rollForward(planDir: string, files: readonly JournalEntry[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const f of files) {
    const temporary = path.join(planDir, f.temporary);
    if (!(await stat(temporary).catch(() => undefined))) continue;
    const target = path.join(planDir, f.target);
    const now = await readFile(target).then(sha256, () => undefined);
    if (now === f.after) await rm(temporary, { force: true });
    else if (now === f.before || now === undefined) await rename(temporary, target);
    else {
      skipped.push(f.target);
      await rm(temporary, { force: true });
    }
  }
  return skipped;
}

/**
 * Finishes the change a killed run left half-applied, if any, and says so: rolled forward when it was committing,
 * rolled back when it was still staging. A change whose run is still going is left alone.
 */
export async function resumePlanChange(planDir: string, shownDir: string): Promise<Diagnostic[]> {
  const abs = path.join(planDir, JOURNAL);
  const text = await readFile(abs, "utf8").catch(() => undefined);
  if (text === undefined) return [];
  const at = { file: `${shownDir}/${JOURNAL}`, ...FILE_START };
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
    if (!Array.isArray(journal.files) || typeof journal.pid !== "number") throw new Error("not a journal");
  } catch {
    // Cut short while being created: staging had not begun, so no temporary and no plan file depends on it.
    const info = await stat(abs);
    if (Date.now() - info.mtimeMs < STALE_MS) return [];
    await rm(abs, { force: true });
    return [];
  }
  if (!abandoned(journal)) return [];
  // Only paths inside the plan folder are ever touched, whatever the journal says.
  const inside = (rel: string) => typeof rel === "string" && !path.isAbsolute(rel) && isWithin(planDir, path.resolve(planDir, rel));
  if (!journal.files.every((f) => inside(f.target) && inside(f.temporary))) {
    return [diagnostic("error", "change-interrupted", at, "the journal of an interrupted change names files outside the plan folder and was not applied", "Check the files it names, then delete it.")];
  }
  const names = journal.files.map((f) => toPosix(f.target)).join(", ");
  if (journal.state !== "committing") {
    await rollBack(planDir, journal);
    return [diagnostic("info", "change-interrupted", at, `an interrupted change was rolled back: ${names} are as they were before it`, "Run the command that was interrupted again.")];
  }
  const skipped = await rollForward(planDir, journal.files);
  await rm(abs, { force: true });
  if (skipped.length > 0) {
    return [diagnostic("warning", "change-interrupted", at, `an interrupted change was finished except in ${skipped.join(", ")}, edited since`, "Check that file: the change was not applied to it.")];
  }
  return [diagnostic("info", "change-interrupted", at, `an interrupted change was finished: ${names} now hold it`, "Nothing to do: the plan is as the command left it.")];
}

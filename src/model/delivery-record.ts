/**
 * The delivery record: which revision of the plan, and which prompt, each workstream's agent last received. It lives
 * beside the plan (`plan/.paraplan/delivered.json`: a hidden folder, so never read as a plan record nor as a build
 * input) and is committed with it, so the whole team sees what every running agent was told.
 *
 * The prompt's version stamp is the sha256 on the second line of its generated header: the hash of the prompt's
 * content (everything after the header), so two prompts with the same stamp say the same thing.
 */

/** Where the record is, inside the plan folder. */
export const DELIVERY_RECORD = ".paraplan/delivered.json";

/** The version of the record's shape. */
export const DELIVERY_RECORD_VERSION = 1;

/** What one workstream's agent last received. */
export interface Delivery {
  /** The commit HEAD was at when the prompt was delivered (full id); null outside git or before the first commit. */
  commit: string | null;
  /** Whether the plan folder had uncommitted changes then: the prompt said more than `commit` holds. */
  dirty: boolean;
  /** The prompt's version stamp: `sha256:` and the hash of its content, as its generated header carries it. */
  prompt: string;
  /** When it was delivered (ISO 8601, UTC). */
  at: string;
}

/** The record: each workstream's last delivery, by workstream id. */
export interface DeliveryRecord {
  version: number;
  workstreams: Record<string, Delivery>;
}

/** A record with no delivery yet. */
export function emptyDeliveryRecord(): DeliveryRecord {
  return { version: DELIVERY_RECORD_VERSION, workstreams: {} };
}

/** Reads the record's text; what is not a record of this shape is an Error saying why. */
export function parseDeliveryRecord(text: string): DeliveryRecord {
  const data = JSON.parse(text) as unknown;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("not a JSON object");
  const { version, workstreams } = data as { version?: unknown; workstreams?: unknown };
  if (version !== DELIVERY_RECORD_VERSION) throw new Error(`version ${String(version)} is not ${DELIVERY_RECORD_VERSION}`);
  if (!workstreams || typeof workstreams !== "object" || Array.isArray(workstreams)) throw new Error("`workstreams` is not an object");
  const out = emptyDeliveryRecord();
  for (const [id, value] of Object.entries(workstreams as Record<string, unknown>)) {
    const d = value as Partial<Delivery> | null;
    if (!d || (d.commit !== null && typeof d.commit !== "string") || typeof d.dirty !== "boolean" || typeof d.prompt !== "string" || typeof d.at !== "string")
      throw new Error(`the delivery of \`${id}\` lacks commit, dirty, prompt or at`);
    out.workstreams[id] = { commit: d.commit ?? null, dirty: d.dirty, prompt: d.prompt, at: d.at };
  }
  return out;
}

/** The record's text: workstreams by id, two-space JSON and a final newline, so that a change is one line of a diff. */
export function formatDeliveryRecord(record: DeliveryRecord): string {
  const workstreams: Record<string, Delivery> = {};
  for (const id of Object.keys(record.workstreams).sort()) {
    const d = record.workstreams[id]!;
    workstreams[id] = { commit: d.commit, dirty: d.dirty, prompt: d.prompt, at: d.at };
  }
  return `${JSON.stringify({ version: record.version, workstreams }, null, 2)}\n`;
}

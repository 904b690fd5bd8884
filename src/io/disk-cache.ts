import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { VERSION } from "../version.js";
import { writeAtomic } from "./atomic-write.js";
import { makeFolder } from "./make-folder.js";

/** The cache folder of a plan: beside the plan folder, safe to delete, and to ignore in git. */
export function cacheFolderOf(planDir: string): string {
  return path.join(path.dirname(planDir), ".paraplan-cache");
}

/** What is cached: parsed plan files. */
export type CacheKind = "parse";

/**
 * A content-addressed cache on disk: entries are keyed by a hash of their input and paraplan's version, so it is always
 * safe to delete; each entry carries the hash of its input and of its own data, and one that does not match is a miss.
 */
export interface DiskCache {
  get: (kind: CacheKind, input: string) => Promise<Buffer | undefined>;
  set: (kind: CacheKind, input: string, data: Buffer | string) => Promise<void>;
  /** Removes the entries this run did not use, so the cache does not grow with every edit. */
  prune: () => Promise<void>;
}

/** A cache that stores nothing (`--no-cache`). */
export const NO_CACHE: DiskCache = { get: () => Promise.resolve(undefined), set: () => Promise.resolve(), prune: () => Promise.resolve() };

// Bump when the cached data's shape changes without a version change (during development).
const FORMAT = 5;

// An entry is `MAGIC`, the SHA-256 of its input, the SHA-256 of its data, then the data. An entry that was edited,
// cut short, or copied under another entry's name fails one of the checks and is a miss: the cache folder is
// writable by anything that runs in the project, and what it holds ends up in published pages.
const MAGIC = Buffer.from("paraplan-cache\n");
const HASH_BYTES = 32;

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

/** The stored form of an entry: its data behind the hashes that vouch for it. */
function sealed(input: string, data: Buffer | string): Buffer {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return Buffer.concat([MAGIC, sha256(input), sha256(bytes), bytes]);
}

/** The data of a stored entry, or undefined when it is not the whole, unchanged entry for this input. */
function unsealed(input: string, stored: Buffer): Buffer | undefined {
  const head = MAGIC.length + 2 * HASH_BYTES;
  if (stored.length < head || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = stored.subarray(head);
  if (!stored.subarray(MAGIC.length, MAGIC.length + HASH_BYTES).equals(sha256(input))) return undefined;
  if (!stored.subarray(MAGIC.length + HASH_BYTES, head).equals(sha256(data))) return undefined;
  return data;
}

function keyOf(version: string, kind: CacheKind, input: string): string {
  return createHash("sha256").update(`paraplan ${version} ${FORMAT} ${kind}\0`).update(input).digest("hex");
}

/** Opens (lazily creates) the cache folder; entries written by another paraplan version are never read. */
export function openDiskCache(dir: string, version: string = VERSION): DiskCache {
  const used = new Set<string>();
  const fileOf = (kind: CacheKind, key: string) => path.join(dir, kind, key.slice(0, 2), key);
  return {
    async get(kind, input) {
      const key = keyOf(version, kind, input);
      used.add(`${kind}/${key}`);
      const stored = await readFile(fileOf(kind, key)).catch(() => undefined);
      return stored && unsealed(input, stored);
    },
    async set(kind, input, data) {
      const key = keyOf(version, kind, input);
      used.add(`${kind}/${key}`);
      const file = fileOf(kind, key);
      try {
        await makeFolder(path.dirname(file));
        // Atomic: a reader never sees half an entry, even with two runs at once; unflushed, since a lost entry is a miss.
        await writeAtomic(file, sealed(input, data), { flush: false });
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
    async prune() {
      for (const kind of ["parse"] as const) {
        const buckets = await readdir(path.join(dir, kind)).catch(() => [] as string[]);
        for (const bucket of buckets) {
          const entries = await readdir(path.join(dir, kind, bucket)).catch(() => [] as string[]);
          for (const entry of entries) if (!used.has(`${kind}/${entry}`)) await rm(path.join(dir, kind, bucket, entry), { force: true });
        }
      }
    },
  };
}

import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { VERSION } from "../version.js";
import { makeFolder } from "./make-folder.js";

/** What is cached: parsed plan files. */
export type CacheKind = "parse";

/** A content-addressed cache on disk: entries are keyed by a hash of their input and paraplan's version, so it is always safe to delete. */
export interface DiskCache {
  get: (kind: CacheKind, input: string) => Promise<Buffer | undefined>;
  set: (kind: CacheKind, input: string, data: Buffer | string) => Promise<void>;
  /** Removes the entries this run did not use, so the cache does not grow with every edit. */
  prune: () => Promise<void>;
}

/** A cache that stores nothing (`--no-cache`). */
export const NO_CACHE: DiskCache = { get: () => Promise.resolve(undefined), set: () => Promise.resolve(), prune: () => Promise.resolve() };

// Bump when the cached data's shape changes without a version change (during development).
const FORMAT = 4;

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
      return readFile(fileOf(kind, key)).catch(() => undefined);
    },
    async set(kind, input, data) {
      const key = keyOf(version, kind, input);
      used.add(`${kind}/${key}`);
      const file = fileOf(kind, key);
      try {
        await makeFolder(path.dirname(file));
        // A temporary name then a rename: a reader never sees half an entry, even with two runs at once.
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, data);
        await rename(temporary, file);
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

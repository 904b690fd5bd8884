import writeFileAtomic from "write-file-atomic";

/**
 * Replaces a file's content in one step: the bytes go to a temporary file beside it, which is renamed over it, so a
 * reader (or a second run) sees the old content or the new, never half of either. `flush: false` skips the fsync, for
 * files that only cost time when lost (caches).
 */
export async function writeAtomic(abs: string, data: string | Buffer, options: { flush?: boolean } = {}): Promise<void> {
  await writeFileAtomic(abs, data, { fsync: options.flush ?? true });
}

import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** Why a path was not read as a regular file, in words for a user; undefined when it was read. */
export type NotRegular = "a symbolic link" | "not a regular file (a pipe, socket or device)";

/**
 * Reads a file's bytes only when the path itself is a regular file: a symbolic link is not followed (O_NOFOLLOW, so a
 * link swapped in after a listing is refused too) and a pipe or device is not waited on (O_NONBLOCK, then fstat).
 */
export async function readRegularFile(abs: string): Promise<{ bytes: Buffer } | { not: NotRegular }> {
  // O_NOFOLLOW and O_NONBLOCK are 0 where the system has no such flag (Windows): the fstat below still refuses.
  const handle = await open(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ELOOP" || error.code === "EMLINK") return "a symbolic link" as const;
    throw error;
  });
  if (typeof handle === "string") return { not: handle };
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { not: "not a regular file (a pipe, socket or device)" };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

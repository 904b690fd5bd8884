import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** What reading a file at most `maxBytes` long gave: its bytes, its size when larger, or why it could not be read. */
export type BoundedRead = { bytes: Buffer } | { tooLarge: number } | { notAFile: true } | { error: string };

/**
 * Reads a regular file of at most `maxBytes` bytes. The size is taken from the open file before any byte is read, so a
 * file of gigabytes costs one system call, not a read and a decode; a FIFO or device is opened without blocking and
 * refused. A file that grows between the size check and the read is still cut at `maxBytes + 1` bytes and refused.
 */
export function readBounded(abs: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. It changes nothing for files.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? "EIO" };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { error: "EISDIR" };
    if (!info.isFile()) return { notAFile: true };
    if (info.size > maxBytes) return { tooLarge: info.size };
    // Room for one byte more than the size, to notice a file that grew meanwhile; then for one more than the limit.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || length > maxBytes) break;
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(maxBytes + 1 - length)]);
    }
    if (length > maxBytes) return { tooLarge: length };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? "EIO" };
  } finally {
    closeSync(fd);
  }
}

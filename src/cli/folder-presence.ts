import { stat } from "node:fs/promises";

/** How a watched folder changed: it went away (moved or deleted), or it is there again (or was replaced by another). */
export interface PresenceEvents {
  gone(): void;
  back(): void;
}

/** Which folder is at a path now: its device and inode (a folder deleted and made again is another), or none. */
async function identity(dir: string): Promise<string | undefined> {
  const info = await stat(dir).catch(() => undefined);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * Looks every `intervalMs` at whether `dir` is still the folder it was: file-system watchers stop silently when the
 * folder they watch is moved or deleted, and never see one that is made again. The timer also keeps the process alive
 * while nothing is watched. Returns a function that stops looking.
 */
export async function watchPresence(dir: string, intervalMs: number, on: PresenceEvents): Promise<() => void> {
  let current = await identity(dir);
  let looking = false;
  const timer = setInterval(() => {
    if (looking) return;
    looking = true;
    void identity(dir).then((now) => {
      looking = false;
      if (now === current) return;
      const before = current;
      current = now;
      if (now === undefined) on.gone();
      else {
        // Replaced between two looks (deleted and restored): the old watchers watch nothing any more.
        if (before !== undefined) on.gone();
        on.back();
      }
    });
  }, intervalMs);
  return () => clearInterval(timer);
}

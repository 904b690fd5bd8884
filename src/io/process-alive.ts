/**
 * Whether a process with this id runs on this machine (one we may not signal still runs). An id that no process can
 * have (0, negative, fractional, huge) is never alive: `kill(0)` would ask about our own process group and
 * `kill(-1)` about every process, so a lock or journal holding one would otherwise look held forever.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a process id could belong to a process at all, on any machine. */
export function possiblePid(pid: unknown): boolean {
  return typeof pid === "number" && Number.isSafeInteger(pid) && pid > 0;
}

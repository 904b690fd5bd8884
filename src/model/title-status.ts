import { statusOfWord } from "./decision-status.js";
import type { DecisionStatus } from "./types.js";

/** A status written before a title (`Accepted: OIT in Godot Engine`, log4brains style), and the title without it. */
export interface TitleStatus {
  status: DecisionStatus;
  /** The status as written (`Accepted`). */
  word: string;
  title: string;
}

/**
 * Reads a leading status word followed by a colon from a title. The whole prefix must be a status word the mapping
 * knows (`Draft`, `Partially superseded`), so a title like `Cache: use Redis` keeps its colon.
 */
export function statusFromTitle(title: string): TitleStatus | undefined {
  const m = /^([^:：]{1,40})(?::\s+|：\s*)(\S.*)$/su.exec(title);
  if (!m) return undefined;
  const status = statusOfWord(m[1]!);
  return status ? { status, word: m[1]!.trim(), title: m[2]!.trim() } : undefined;
}

import { createHash } from "node:crypto";
import type { Decision, Session, Workstream } from "./types.js";

// Windows device names are refused as file names on that system, with any extension; prefix them so a plan stays portable.
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com\d|lpt\d)$/i;

// File systems limit a name to 255 bytes; this leaves room for a prefix, a hash and `.md`.
const MAX_SEGMENT_BYTES = 200;

/** The first `max` code points of a text (never half of a surrogate pair), cut further to fit `MAX_SEGMENT_BYTES` of UTF-8. */
function truncate(text: string, max: number): string {
  const points = Array.from(text).slice(0, max);
  while (Buffer.byteLength(points.join(""), "utf8") > MAX_SEGMENT_BYTES) points.pop();
  return points.join("");
}

/** Makes a safe single path segment: no separators, no dots at the ends, no control characters, bounded length. */
export function safeSegment(text: string, fallback: string, max = 80): string {
  const cleaned = truncate(
    text
      .normalize("NFKC")
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
      // Invisible and direction-changing characters would let a name look like another one.
      .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g, "")
      .replace(/\s+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, ""),
    max,
  ).replace(/[-.]+$/g, "");
  const segment = cleaned === "" ? fallback : cleaned;
  return RESERVED.test(segment) ? `_${segment}` : segment;
}

/**
 * A safe segment that stays distinct for distinct texts: when making it safe changed or shortened the text, a short
 * hash of the text is appended, so that `a/b` and `a:b`, or two long titles with the same start, never share a file.
 */
function uniqueSegment(text: string, fallback: string, max = 80): string {
  const segment = safeSegment(text, fallback, max);
  if (segment === text) return segment;
  return `${segment}-${createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8)}`;
}

/** `prompts/TD2_CONFIG_MANAGEMENT.md` */
export function promptPath(ws: Pick<Workstream, "id" | "name">): string {
  const name = ws.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const safeId = safeSegment(ws.id, "WS", 40).replace(/[^A-Za-z0-9_-]/g, "_");
  const id = safeId === ws.id ? safeId : `${safeId}-${createHash("sha256").update(ws.id, "utf8").digest("hex").slice(0, 8)}`;
  return `prompts/${safeSegment(name && name !== id.toUpperCase() ? `${id}_${name}` : id, "WORKSTREAM", 100)}.md`;
}

/** `sessions/2025-10-16-parallel-execution-strategy-setup.md` */
export function sessionPath(session: Pick<Session, "date" | "slug">): string {
  return `sessions/${uniqueSegment(`${session.date}-${session.slug}`, session.date || "session")}.md`;
}

/** `adr/0003-config-management-on-the-critical-path.md`; an ADR without a number keeps its file name (`adr/20201016-use-slugs.md`). */
export function adrPath(decision: Pick<Decision, "number" | "slug">): string {
  // Long enough for the file names people give ADRs (log4brains' run to 90 characters): links between ADRs use them.
  const slug = uniqueSegment(decision.slug, "decision", 150);
  return decision.number === undefined ? `adr/${slug}.md` : `adr/${String(decision.number).padStart(4, "0")}-${slug}.md`;
}

export const PLAN_DOCUMENT = "PARALLEL_EXECUTION_PLAN.md";
export const ADR_INDEX = "adr/README.md";

/**
 * Where `amend --all` writes its amendments, inside `out/`: messages for running agents, not documents of the plan, so
 * `generate` and `check` leave the folder alone (neither stale nor extra).
 */
export const AMENDMENTS_FOLDER = "amendments";

/**
 * Where the execution plan of a large plan puts its pages (its per-workstream tables, wave by wave). Not `plan/`:
 * with `--out .` that is the plan folder itself.
 */
export const PLAN_PAGES_FOLDER = "execution-plan";

/** `execution-plan/wave-3.md`, `execution-plan/wave-3-part-2.md`; the workstreams no wave merges are `no-wave`. */
export function planPagePath(wave: number | null, part: number): string {
  const name = wave === null ? "no-wave" : `wave-${wave}`;
  return `${PLAN_PAGES_FOLDER}/${part > 1 ? `${name}-part-${part}` : name}.md`;
}

/** The day-by-day timeline of a split execution plan, a page of its own: a long plan has thousands of days. */
export const PLAN_TIMELINE = `${PLAN_PAGES_FOLDER}/timeline.md`;

/** Every folder of `out/` a document is written to: the paths above never leave them. */
export const OUTPUT_FOLDERS = [".", "prompts", "sessions", "adr", PLAN_PAGES_FOLDER] as const;

/** Orders outputs by path, code unit by code unit, so every report and listing comes out the same on every machine. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

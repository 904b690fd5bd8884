import type { Decision, Session, Workstream } from "../model/types.js";

// Windows device names are refused as file names on that system; prefix them so a plan stays portable.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Makes a safe single path segment: no separators, no dots at the ends, no control characters, bounded length. */
export function safeSegment(text: string, fallback: string, max = 80): string {
  const cleaned = text
    .normalize("NFKC")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, max)
    .replace(/[-.]+$/g, "");
  const segment = cleaned === "" ? fallback : cleaned;
  return RESERVED.test(segment) ? `_${segment}` : segment;
}

/** `prompts/TD2_CONFIG_MANAGEMENT.md` */
export function promptPath(ws: Pick<Workstream, "id" | "name">): string {
  const name = ws.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const id = safeSegment(ws.id, "WS", 40).replace(/[^A-Za-z0-9_-]/g, "_");
  return `prompts/${safeSegment(name && name !== id.toUpperCase() ? `${id}_${name}` : id, "WORKSTREAM", 100)}.md`;
}

/** `sessions/2025-10-16-parallel-execution-strategy-setup.md` */
export function sessionPath(session: Pick<Session, "date" | "slug">): string {
  return `sessions/${safeSegment(`${session.date}-${session.slug}`, session.date || "session")}.md`;
}

/** `adr/0003-config-management-on-the-critical-path.md`; an ADR without a number keeps its file name (`adr/20201016-use-slugs.md`). */
export function adrPath(decision: Pick<Decision, "number" | "slug">): string {
  // Long enough for the file names people give ADRs (log4brains' run to 90 characters): links between ADRs use them.
  const slug = safeSegment(decision.slug, "decision", 150);
  return decision.number === undefined ? `adr/${slug}.md` : `adr/${String(decision.number).padStart(4, "0")}-${slug}.md`;
}

export const PLAN_DOCUMENT = "PARALLEL_EXECUTION_PLAN.md";
export const ADR_INDEX = "adr/README.md";

import { diagnostic, type Diagnostic, FILE_START } from "../diagnostics/diagnostic.js";

/**
 * The largest generated document paraplan writes (5 MiB of Markdown), more than a reader or an agent can use; the cap
 * bounds memory. A guard against runaway templates and records, not against large plans: beyond some hundreds of
 * workstreams the execution plan moves what grows with them into pages (`plan-pages.ts`).
 */
export const MAX_DOCUMENT_CHARS = 5 * 1024 * 1024;

// The plan folder whose record a document mainly shows, by the document's folder in out/.
const OWN_FOLDER: Readonly<Record<string, string>> = { prompts: "workstreams", sessions: "sessions", adr: "decisions" };

/** The plan file a document is mainly generated from: its record's file, or project.md for the execution plan. */
function ownSource(path: string, sources: readonly string[]): string | undefined {
  const folder = path.includes("/") ? OWN_FOLDER[path.slice(0, path.indexOf("/"))] : undefined;
  return folder ? sources.find((s) => s.includes(`/${folder}/`) || s.startsWith(`${folder}/`)) : sources.find((s) => /(^|\/)project\.md$/.test(s));
}

/** The diagnostic for a document too large to write, at the start of the plan file it is mainly generated from. */
export function documentTooLarge(path: string, sources: readonly string[], chars: number): Diagnostic {
  const file = ownSource(path, sources) ?? sources[0] ?? "plan/project.md";
  return diagnostic(
    "error",
    "document-too-large",
    { file, ...FILE_START },
    `the generated ${path} would have ${chars.toLocaleString("en-US")} characters; paraplan writes at most ${MAX_DOCUMENT_CHARS.toLocaleString("en-US")} per document`,
    "Split the work into several plans, or move long text out of the records into linked documents.",
  );
}

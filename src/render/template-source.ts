// A template as loaded, and the error that names its file and line; apart from the Handlebars environment, so that
// listing or loading templates (a warm run checks them) never loads Handlebars.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** One template or partial: its name (`prompt.md`, `partials/extras`) and where it was loaded from. */
export interface TemplateSource {
  name: string;
  /** The file shown in error messages. */
  file: string;
  source: string;
}

/** A template failed to compile or render: the message names the template file and line. */
export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.start.line}:${diagnostic.start.column} ${diagnostic.message}`);
  }
}

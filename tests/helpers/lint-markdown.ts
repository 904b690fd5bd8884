import { lint } from "markdownlint/promise";

/** markdownlint's default rules, line length exempting tables and code (as .markdownlint-cli2.jsonc). */
const LINT_CONFIG = { default: true, MD013: { tables: false, code_blocks: false } } as const;

/** Lints Markdown strings by name; returns `name:line rule detail` lines, empty when clean. */
export async function lintMarkdown(files: Record<string, string>): Promise<string[]> {
  const results = await lint({ strings: files, config: LINT_CONFIG });
  return Object.entries(results).flatMap(([name, errors]) => errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join("/")} ${e.ruleDescription}${e.errorDetail ? ` [${e.errorDetail}]` : ""}`));
}

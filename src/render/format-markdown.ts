import * as markdownPlugin from "prettier/plugins/markdown";
import type { Options } from "prettier";
import { format } from "prettier/standalone";

// Prettier wraps prose at 80 columns (markdownlint MD013) and aligns tables by display width (MD060),
// which remark-stringify cannot do; the standalone build loads only the Markdown parser.
const OPTIONS: Options = { parser: "markdown", plugins: [markdownPlugin], proseWrap: "always", printWidth: 80, endOfLine: "lf" };

/** Normalises rendered Markdown once: wrapped prose, aligned tables, list markers, one final newline. */
export async function formatMarkdown(markdown: string): Promise<string> {
  const out = await format(markdown.replace(/\r\n?/g, "\n"), OPTIONS);
  return out.endsWith("\n") ? out : `${out}\n`;
}

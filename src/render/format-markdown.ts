import type { Options } from "prettier";

// Prettier wraps prose at 80 columns (markdownlint MD013) and aligns tables by display width (MD060),
// which remark-stringify cannot do. It is loaded on first use (it is the largest module paraplan loads,
// and warm builds take every formatted document from the cache), and only its Markdown parser.
let loaded: Promise<{ format: (source: string, options: Options) => Promise<string>; options: Options }> | undefined;

async function prettier() {
  loaded ??= Promise.all([import("prettier/standalone"), import("prettier/plugins/markdown")]).then(([standalone, markdown]) => ({
    format: standalone.format,
    options: { parser: "markdown", plugins: [markdown], proseWrap: "always", printWidth: 80, endOfLine: "lf" } satisfies Options,
  }));
  return loaded;
}

/** Normalises rendered Markdown once: wrapped prose, aligned tables, list markers, one final newline. */
export async function formatMarkdown(markdown: string): Promise<string> {
  const { format, options } = await prettier();
  const out = await format(markdown.replace(/\r\n?/g, "\n"), options);
  return out.endsWith("\n") ? out : `${out}\n`;
}

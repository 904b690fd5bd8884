import path from "node:path";
import type { Nodes } from "mdast";
import { parseMarkdown } from "../../src/parse/processor.js";

/** Every link destination of a Markdown document, as a Markdown parser reads it. */
function linkUrls(markdown: string): string[] {
  const urls: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "link") urls.push(node.url);
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(parseMarkdown(markdown));
  return urls;
}

/**
 * Relative Markdown links in generated files that point at no generated file. Links are read as a Markdown parser
 * and a browser read them: the fragment cut at the first `#`, the rest percent-decoded, so a file name holding `#`,
 * `%` or a space is found only when its link encodes it.
 */
export function brokenLinks(files: Record<string, string>): string[] {
  const broken: string[] = [];
  for (const [from, content] of Object.entries(files)) {
    for (const url of linkUrls(content)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#")) continue;
      let target: string;
      try {
        target = decodeURIComponent(url.split("#")[0]!.split("?")[0]!);
      } catch {
        broken.push(`${from} → ${url} (not valid percent-encoding)`);
        continue;
      }
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
      if (!(resolved in files)) broken.push(`${from} → ${url}`);
    }
  }
  return broken;
}

import path from "node:path";

/** Relative Markdown links in generated files that point at no generated file. */
export function brokenLinks(files: Record<string, string>): string[] {
  const broken: string[] = [];
  for (const [from, content] of Object.entries(files)) {
    for (const [, target] of content.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target!));
      if (!(resolved in files)) broken.push(`${from} → ${target}`);
    }
  }
  return broken;
}

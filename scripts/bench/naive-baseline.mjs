/* global process */
// The naive baseline: what a user would write. Reads every .md file one at a time with `await readFile` and parses it
// with the whole of remark-gfm (autolink literals and footnotes included) and YAML front matter.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();
const dir = process.argv[2];
let nodes = 0;
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
  nodes += processor.parse(await readFile(path.join(entry.parentPath ?? entry.path, entry.name), "utf8")).children.length;
}
if (nodes === 0) process.exitCode = 1;

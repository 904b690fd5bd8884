/* global process, URL */
// The like-for-like baseline: what paraplan cannot avoid. Lists the plan folder and reads every .md file the way
// paraplan reads them (synchronously, one after the other), and parses each with paraplan's own Markdown processor
// (remark-parse, YAML front matter and the GFM constructs records use), taken from the built dist/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
const { parseMarkdown } = await import(fileURLToPath(new URL("../../dist/parse/processor.js", import.meta.url)));
const dir = process.argv[2];
let nodes = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
  nodes += parseMarkdown(readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), "utf8")).children.length;
}
if (nodes === 0) process.exitCode = 1;

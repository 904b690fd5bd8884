/**
 * Plans of hostile size, written to disk for end-to-end runs: each is the `tiny` fixture plan
 * with one part grown far beyond anything a person writes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** The size cases the robustness issue names. */
export type SizeCase = "large-record" | "long-line" | "table-rows" | "deep-list" | "deep-quote" | "deep-front-matter" | "dependency-chain" | "many-files";

const PROJECT = "---\nname: big\n---\n\n# big\n\n## Summary\n\nA plan grown beyond any plan a person writes.\n";
const AGENT = "---\nid: developer\n---\n\n# Developer\n\n## Role\n\nYou work alone.\n";

/** A small valid workstream file, with an optional extra body. */
function workstream(id: string, extra = "", deps: string[] = []): string {
  return `---\nid: ${id}\nagent: developer\ndays: 1\ndepends_on: [${deps.join(", ")}]\n---\n\n# ${id}: Work ${id}\n\n## Goal\n\nDo ${id}.\n${extra}`;
}

/** About `bytes` bytes of ordinary prose: paragraphs of sentences. */
function prose(bytes: number): string {
  const sentence = "The agent merges the wave branch after every quality gate passes on the integration branch. ";
  const paragraph = `${sentence.repeat(8).trim()}\n\n`;
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

/** The files of one size case, by path inside `plan/`. */
function sizePlanFiles(kind: SizeCase, n: number): Record<string, string> {
  const files: Record<string, string> = { "project.md": PROJECT, "agents/developer.md": AGENT };
  switch (kind) {
    case "large-record":
      // Context is rendered into the prompt, so a record under the limit also reaches the formatter.
      files["workstreams/A1-big.md"] = workstream("A1", `\n## Context\n\n${prose(n)}`);
      break;
    case "long-line":
      files["workstreams/A1-big.md"] = workstream("A1", `\n## Notes\n\n${"word ".repeat(Math.ceil(n / 5))}\n`);
      break;
    case "table-rows": {
      const rows = Array.from({ length: n }, (_, i) => `| G${i} | \`npm test -- ${i}\` | passes |`);
      files["gates.md"] = `# Gates\n\n| Id | Command | Threshold |\n| --- | --- | --- |\n${rows.join("\n")}\n`;
      files["workstreams/A1-a.md"] = workstream("A1");
      break;
    }
    case "deep-list":
      files["workstreams/A1-deep.md"] = workstream("A1", `\n## Deliverables\n\n${"- ".repeat(n)}bottom\n`);
      break;
    case "deep-quote":
      files["workstreams/A1-deep.md"] = workstream("A1", `\n## Notes\n\n${"> ".repeat(n)}bottom\n`);
      break;
    case "deep-front-matter":
      files["workstreams/A1-deep.md"] = `---\nid: A1\ndays: 1\nowns: ${"[".repeat(n)}${"]".repeat(n)}\n---\n\n# A1: Deep\n`;
      break;
    case "dependency-chain": {
      // One table, one row per workstream, each depending on the one before.
      const rows = Array.from({ length: n }, (_, i) => `| N${i + 1} | developer | 1 | ${i === 0 ? "" : `N${i}`} |`);
      files["workstreams.md"] = `# Workstreams\n\n| Id | Agent | Days | Depends On |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`;
      break;
    }
    case "many-files":
      for (let i = 1; i <= n; i++) files[`workstreams/N${i}.md`] = workstream(`N${i}`, "", i === 1 ? [] : [`N${i - 1}`]);
      break;
  }
  return files;
}

/** Writes a size case into `root/plan/`. */
export async function writeSizePlan(root: string, kind: SizeCase, n: number): Promise<void> {
  for (const [rel, text] of Object.entries(sizePlanFiles(kind, n))) {
    const file = path.join(root, "plan", rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

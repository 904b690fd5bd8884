import { readFileSync } from "node:fs";
import path from "node:path";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOutputs } from "../../src/io/build-outputs.js";
import { decisionIndex } from "../../src/model/decision-ref.js";
import type { Decision, Plan } from "../../src/model/types.js";
import { parseMarkdown } from "../../src/parse/processor.js";
import type { RawRecord } from "../../src/parse/raw-record.js";
import { adrPath } from "../../src/model/output-paths.js";
import { HAVE_SAMPLES, manifest, readRepo, repoPlanDir, SAMPLES, sampleFiles, sampleRepos, SKIP_REASON, type ManifestRow } from "./samples.js";

// Text compared without any whitespace: prettier re-wraps prose, and a line break between two Chinese characters is no space.
const squash = (text: string) => text.replace(/\s+/g, "");
// HTML comments (MADR's `## Links <!-- optional -->`) are not words anyone reads.
const words = (node: Root | RootContent) => toString(node, { includeHtml: false });

/** The text of every heading and paragraph of a Markdown file (front matter and code blocks are neither). */
function headingsAndParagraphs(markdown: string): string[] {
  const found: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === "heading" || node.type === "paragraph") found.push(squash(words(node)));
  });
  return found.filter((t) => t !== "");
}

/** What a raw record keeps of a file besides its rendering: each field as `key: value`, the heading, the extras. */
function recordText(record: RawRecord): string {
  const value = (v: unknown) => (typeof v === "string" ? words(parseMarkdown(v)) : JSON.stringify(v));
  const fields = [...record.fields.values(), ...record.unknown].map((f) => `${f.key}: ${value(f.value)}`);
  const heading = record.heading ? words(parseMarkdown(`# ${record.heading.text}`)) : "";
  return squash([...fields, heading, ...record.extras.map((e) => words(parseMarkdown(e.body)))].join("\n"));
}

describe.skipIf(!HAVE_SAMPLES)(`real ADRs from six public repositories (${HAVE_SAMPLES ? "../shared/adr-samples" : SKIP_REASON})`, () => {
  const repos = sampleRepos();

  it("are all there: six repositories, one file per manifest row (167)", () => {
    expect(repos).toHaveLength(6);
    expect(repos.flatMap((repo) => sampleFiles(repo).map((f) => `${repo}/${f}`))).toEqual(
      manifest()
        .map((r) => `${r.repo}/${r.file}`)
        .sort(),
    );
  });

  it.each(repos)("%s: every file is read without error, as one decision each", (repo) => {
    const { parsed, plan, diagnostics } = readRepo(repo);
    expect(parsed.map((p) => p.records.length)).toEqual(parsed.map(() => 1));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(plan.decisions).toHaveLength(sampleFiles(repo).length);
  });

  describe.each(repos)("%s: rendered", (repo) => {
    let pages: Record<string, string>;
    let plan: Plan;
    let records: Map<string, RawRecord>;
    beforeAll(async () => {
      const root = await repoPlanDir(repo);
      const built = await buildOutputs({ planDir: path.join(root, "plan"), root });
      expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      pages = Object.fromEntries(built.files.map((f) => [f.path, f.content]));
      plan = built.plan;
      records = new Map(readRepo(repo).parsed.map((p) => [path.basename(p.file), p.records[0]!]));
    }, 120_000);

    it("keeps every heading and paragraph of every source, in the page or in the record", () => {
      const missing: string[] = [];
      for (const file of sampleFiles(repo)) {
        const decision = plan.decisions.find((d) => path.basename(d.source.file) === file)!;
        const page = pages[adrPath(decision)];
        expect(page, `${file} has a page`).toBeDefined();
        const rendered = squash(words(parseMarkdown(page!)));
        const kept = recordText(records.get(file)!);
        for (const text of headingsAndParagraphs(readFileSync(path.join(SAMPLES, repo, file), "utf8"))) {
          if (!rendered.includes(text) && !kept.includes(text)) missing.push(`${file}: ${text.slice(0, 80)}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it("names each page after its source file, so links between ADRs still work", () => {
      for (const d of plan.decisions) expect(adrPath(d)).toBe(`adr/${path.basename(d.source.file)}`);
    });
  });
});

/** The facts of one manifest row, each compared with what paraplan read: `[fact, expected, actual]`. */
function facts(row: ManifestRow, d: Decision, find: (ref: string) => Decision | undefined): [string, string, string][] {
  const none = (v: string | undefined) => (v === undefined || v === "" ? "(none)" : v);
  const name = (ref: { id: string }) => {
    const found = find(ref.id);
    return found ? (found.number !== undefined ? String(found.number) : found.id) : `missing:${ref.id}`;
  };
  const others = d.links.filter((l) => l.relation !== "supersedes" && l.relation !== "superseded-by").map((l) => `${l.relation}:${name(l.target)}`);
  return [
    ["number", row.number, none(d.number === undefined ? undefined : String(d.number))],
    ["title", row.title, none(d.heading)],
    ["status", row.status, none(d.statusText)],
    ["date", row.date, none(d.dateWritten?.text)],
    ["supersedes", row.supersedes, none(d.supersedes.map(name).join(", "))],
    // `(unspecified)`: the status says superseded without naming by what; paraplan must not invent a target.
    ["superseded by", row.supersededBy === "(unspecified)" ? "(none)" : row.supersededBy, none(d.supersededBy && name(d.supersededBy))],
    ["other links", row.otherLinks, none(others.join(", "))],
  ];
}

describe.skipIf(!HAVE_SAMPLES)(`the facts verified by hand in MANIFEST.tsv (${HAVE_SAMPLES ? "35 files" : SKIP_REASON})`, () => {
  const rows = manifest().filter((r) => r.verified);
  const plans = new Map(sampleRepos().map((repo) => [repo, readRepo(repo).plan]));

  it("cover 35 files, 245 facts", () => {
    expect(rows).toHaveLength(35);
  });

  it.each(rows.map((r) => [`${r.repo}/${r.file}`, r] as const))("%s", (_name, row) => {
    const plan = plans.get(row.repo)!;
    const d = plan.decisions.find((x) => path.basename(x.source.file) === row.file);
    expect(d, `${row.file} is read`).toBeDefined();
    const index = decisionIndex(plan.decisions);
    for (const [fact, expected, actual] of facts(row, d!, (ref) => index.find(ref))) expect(actual, `${fact} of ${row.file}`).toBe(expected);
  });
});

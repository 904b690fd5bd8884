/**
 * The real ADRs of `../shared/adr-samples/` (outside the project, never copied into it): six public repositories, and a
 * manifest of facts read by hand from 35 of their files. Tests skip, saying why, when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildPlan } from "../../src/model/build-plan.js";
import type { Plan } from "../../src/model/types.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile } from "../../src/parse/raw-record.js";
import { REPO } from "../helpers/run-cli.js";

export const SAMPLES = path.join(REPO, "..", "shared", "adr-samples");
export const HAVE_SAMPLES = existsSync(path.join(SAMPLES, "MANIFEST.tsv"));
export const SKIP_REASON = `the real ADR samples are not at ${SAMPLES}`;

/** The repository folders (`owner__repo`), sorted. */
export function sampleRepos(): string[] {
  if (!HAVE_SAMPLES) return [];
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.includes("__"))
    .map((e) => e.name)
    .sort();
}

/** The Markdown files of one repository folder, sorted. */
export function sampleFiles(repo: string): string[] {
  return readdirSync(path.join(SAMPLES, repo))
    .filter((f) => f.endsWith(".md"))
    .sort();
}

type ReadRepo = { parsed: ParsedFile[]; plan: Plan; diagnostics: ReturnType<typeof buildPlan>["diagnostics"] };

// Several tests of a file look at the same repository read; the samples never change during a run, and nothing
// changes what a read returns, so each repository is parsed once per file.
const reads = new Map<string, ReadRepo>();

/** One repository folder read as the decisions of a plan, each file as `plan/decisions/<name>`. */
export function readRepo(repo: string): ReadRepo {
  const known = reads.get(repo);
  if (known) return known;
  const parsed = sampleFiles(repo).map((f) => parseRecord(readFileSync(path.join(SAMPLES, repo, f), "utf8"), `${repo}/${f}`, `decisions/${f}`));
  const { plan, diagnostics } = buildPlan(parsed);
  const read = { parsed, plan, diagnostics: diagnostics.filter((d) => d.code !== "missing-project") };
  reads.set(repo, read);
  return read;
}

/** A temporary plan folder holding one repository's ADRs (and a project), for rendering through the real pipeline. */
export async function repoPlanDir(repo: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `paraplan-adr-${repo}-`));
  await cp(path.join(SAMPLES, repo), path.join(root, "plan", "decisions"), { recursive: true });
  await writeFile(path.join(root, "plan", "project.md"), `---\nname: ${repo}\n---\n`);
  return root;
}

/** One row of MANIFEST.tsv: the facts of a file; `-` is not verified, `(none)` verified absent. */
export interface ManifestRow {
  repo: string;
  file: string;
  format: string;
  verified: boolean;
  number: string;
  title: string;
  status: string;
  date: string;
  supersedes: string;
  supersededBy: string;
  otherLinks: string;
  notes: string;
}

export function manifest(): ManifestRow[] {
  if (!HAVE_SAMPLES) return [];
  const [header, ...rows] = readFileSync(path.join(SAMPLES, "MANIFEST.tsv"), "utf8").trimEnd().split("\n");
  const names = header!.split("\t");
  return rows.map((line) => {
    const cells = line.split("\t");
    const get = (name: string) => cells[names.indexOf(name)] ?? "";
    const local = get("local_file");
    return {
      repo: local.split("/")[0]!,
      file: local.split("/").slice(1).join("/"),
      format: get("format_guess"),
      verified: get("verified") === "yes",
      number: get("number"),
      title: get("title"),
      status: get("status"),
      date: get("date"),
      supersedes: get("supersedes"),
      supersededBy: get("superseded_by"),
      otherLinks: get("other_links"),
      notes: get("notes"),
    };
  });
}

/**
 * The catalogue of broken plans under `tests/fixtures/invalid/<scenario>/plan/`, each with the
 * diagnostics it must produce in `expected.txt` (the `formatText` output, paths relative to the
 * scenario folder). Shared by the golden test and `scripts/update-invalid-goldens.ts`.
 *
 * Files that editors, linters and git would mangle (binary and non-UTF-8 bytes, symbolic links)
 * are not committed: `GENERATED` lists them, and each run writes them into a temporary copy of
 * the scenario before loading it.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatText } from "../../src/diagnostics/format.js";
import { loadPlan } from "../../src/io/load-plan.js";

export const INVALID_DIR = fileURLToPath(new URL("../fixtures/invalid/", import.meta.url));

/** A file written at run time: its bytes, or a symbolic link to a path relative to the link. */
export type GeneratedFile = Uint8Array | { symlink: string };

/** Extra files of a scenario, by path inside the scenario folder. */
export const GENERATED: Readonly<Record<string, Readonly<Record<string, GeneratedFile>>>> = {
  // The start of a PNG image saved as `.md`: NUL bytes (and bytes that are not UTF-8).
  "binary-file": {
    "plan/workstreams/TD3-diagram.md": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  },
  // A workstream saved as Latin-1: `é` is the single byte 0xE9, on line 3, column 14.
  "non-utf8-file": {
    "plan/workstreams/TD3-api.md": Uint8Array.from([...Buffer.from("---\nid: TD3\nname: API Caf"), 0xe9, ...Buffer.from("\ndays: 2\n---\n\n# TD3: API Client\n")]),
  },
  // A link to a file beside the plan folder, not inside it.
  "symlink-outside-plan": {
    "outside.md": Buffer.from("---\nid: TD9\ndays: 1\n---\n"),
    "plan/workstreams/TD9-linked.md": { symlink: "../../outside.md" },
  },
};

/** Every scenario folder, sorted. */
export async function scenarios(): Promise<string[]> {
  const entries = await readdir(INVALID_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Loads a scenario's plan and returns its diagnostics as text, as `expected.txt` holds them. */
export async function scenarioOutput(name: string): Promise<string> {
  const generated = GENERATED[name];
  const source = path.join(INVALID_DIR, name);
  if (!generated) return run(source);
  const copy = await mkdtemp(path.join(os.tmpdir(), `paraplan-${name}-`));
  try {
    await cp(source, copy, { recursive: true });
    await rm(path.join(copy, "expected.txt"), { force: true });
    for (const [relative, content] of Object.entries(generated)) {
      const target = path.join(copy, relative);
      await mkdir(path.dirname(target), { recursive: true });
      if (content instanceof Uint8Array) await writeFile(target, content);
      else await symlink(content.symlink, target);
    }
    return await run(copy);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

async function run(scenarioDir: string): Promise<string> {
  const { diagnostics } = await loadPlan(path.join(scenarioDir, "plan"), scenarioDir);
  return formatText(diagnostics);
}

export function expectedPath(name: string): string {
  return path.join(INVALID_DIR, name, "expected.txt");
}

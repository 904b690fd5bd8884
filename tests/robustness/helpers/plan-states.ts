/** Two states of one plan, for runs that race or get killed: the embedded plan with extra workstreams that differ. */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO } from "../../helpers/run-cli.js";
import { runInProcess } from "../../helpers/run-in-process.js";

/** A workstream file for the extra workstreams. */
function extra(id: string, goal: string): string {
  return `---\nid: ${id}\nagent: python-pro\ndays: 1\nwave: 5\n---\n\n# ${id}: Extra ${id}\n\n## Goal\n\n${goal}\n`;
}

/**
 * Writes the embedded plan into `dir/plan` with `extras` more workstreams. State "a" and state "b" share most output
 * paths with different contents (another summary, other goals) and each has a few paths of its own, so that a mix of
 * the two, or a file of one beside the other's, is easy to see.
 */
async function writePlanState(dir: string, state: "a" | "b", extras = 24): Promise<string> {
  const planDir = path.join(dir, "plan");
  await mkdir(dir, { recursive: true });
  await cp(path.join(REPO, "plan"), planDir, { recursive: true });
  const project = path.join(planDir, "project.md");
  await writeFile(project, (await readFile(project, "utf8")).replace("## Summary\n", `## Summary\n\nPlan state ${state.toUpperCase()}.\n`));
  for (let i = 1; i <= extras; i++) await writeFile(path.join(planDir, "workstreams", `E${i}.md`), extra(`E${i}`, `Goal of E${i} in state ${state}.`));
  for (let i = 1; i <= 5; i++) {
    const id = `${state === "a" ? "A" : "B"}X${i}`;
    await writeFile(path.join(planDir, "workstreams", `${id}.md`), extra(id, `Only in state ${state}.`));
  }
  return planDir;
}

/** The Markdown files of an output folder (hidden files skipped) with their contents, by path. */
export async function readOutputs(outDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith(".")) continue;
    const rel = path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    files.set(rel, await readFile(path.join(e.parentPath, e.name), "utf8"));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every file under a folder whose name is hidden (temporary files, the lock), relative to it. */
export async function hiddenFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.name.startsWith(".")).map((e) => path.relative(outDir, path.join(e.parentPath, e.name)));
}

/** Two plan states in a fresh temporary folder, each with its complete output from one run alone (the references). */
export async function twoStates(prefix: string): Promise<{ root: string; planA: string; planB: string; refA: Map<string, string>; refB: Map<string, string> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const planA = await writePlanState(path.join(root, "a"), "a");
  const planB = await writePlanState(path.join(root, "b"), "b");
  for (const [plan, out] of [
    [planA, "ref-a"],
    [planB, "ref-b"],
  ] as const) {
    // The references are built in this process: what is under test is the runs that race or get killed, not these.
    const result = await runInProcess(["generate", "--plan", plan, "--out", path.join(root, out), "-q"], root);
    if (result.code !== 0) throw new Error(`reference generate failed: ${result.stderr}`);
  }
  return { root, planA, planB, refA: await readOutputs(path.join(root, "ref-a")), refB: await readOutputs(path.join(root, "ref-b")) };
}

/**
 * The edit loop from the command line: the build manifest records the view each document was rendered from, so the
 * next `generate` (or `check`) renders only the documents whose view changed and leaves the others on disk as they
 * stand. Kept documents must be exactly what a full rendering gives, and a file touched since is never trusted.
 */
import { readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { loadTemplates } from "../../src/io/load-templates.js";
import { createRenderer, type Renderer } from "../../src/render/renderer.js";
import { renderDocuments, renderEach } from "../../src/render/render-documents.js";
import type { Plan } from "../../src/model/types.js";
import type { PlanSchedule } from "../../src/schedule/types.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { tempProject } from "../helpers/temp-project.js";

/** Renders with the view keys of an earlier build: what was rendered (by path), what was kept, and the new keys. */
function renderAgainst(plan: Plan, schedule: PlanSchedule, renderer: Renderer, onDisk: ReadonlyMap<string, string>) {
  const rendered = new Map<string, string>();
  const kept: string[] = [];
  const keys = new Map<string, string>();
  for (const r of renderEach(plan, schedule, renderer, undefined, undefined, { views: onDisk })) {
    if ("kept" in r) {
      kept.push(r.kept.path);
      keys.set(r.kept.path, r.kept.key);
    } else if ("file" in r) {
      rendered.set(r.file.path, r.file.content);
      keys.set(r.file.path, r.key!);
    } else throw new Error(r.diagnostic.message);
  }
  return { rendered, kept, keys };
}

describe("view keys in the build manifest", () => {
  it("keeps exactly the documents whose view did not change, and those render as they stand", async () => {
    const loaded = await loadPlan(path.join(REPO, "plan"), REPO);
    const renderer = createRenderer(await loadTemplates(undefined, REPO));
    const first = renderAgainst(loaded.plan, loaded.schedule, renderer, new Map());
    expect(first.kept).toEqual([]);
    const before = new Map(renderDocuments(loaded.plan, loaded.schedule, renderer).files.map((f) => [f.path, f.content]));
    expect(first.rendered).toEqual(before);

    // A workstream's goal (only its own prompt shows it) and, separately, its name (shown far and wide).
    const ws = loaded.plan.workstreams.find((w) => w.id === "WS1")!;
    for (const [field, value] of [
      ["goal", "Ship the vector search."],
      ["name", "Vector Search"],
    ] as const) {
      const plan = { ...loaded.plan, workstreams: loaded.plan.workstreams.map((w) => (w === ws ? { ...w, [field]: value } : w)) };
      const again = renderAgainst(plan, loaded.schedule, renderer, first.keys);
      const full = new Map(renderDocuments(plan, loaded.schedule, renderer).files.map((f) => [f.path, f.content]));
      for (const kept of again.kept) expect(before.get(kept), kept).toBe(full.get(kept));
      for (const [file, content] of again.rendered) expect(content).toBe(full.get(file));
      // Every document that changed was rendered; for the goal, nothing else was.
      const changed = [...full].filter(([file, content]) => before.get(file) !== content).map(([file]) => file);
      expect([...again.rendered.keys()]).toEqual(expect.arrayContaining(changed));
      if (field === "goal") expect([...again.rendered.keys()]).toEqual(changed);
      expect(again.kept.length + again.rendered.size).toBe(full.size);
    }
  });

  it("generate after one edit writes its documents, leaves the rest, and check agrees; a file touched since is compared, not trusted", async () => {
    const project = await tempProject("tiny", "paraplan-view-keys-");
    expect((await runInProcess(["generate"], project)).code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(project, ".paraplan-cache", "build.json"), "utf8")) as { outputs: { path: string; view?: string }[] };
    expect(manifest.outputs.length).toBeGreaterThan(1);
    expect(manifest.outputs.every((o) => typeof o.view === "string" && o.view.length === 40)).toBe(true);

    const a1 = path.join(project, "plan", "workstreams", "A1-parser.md");
    await writeFile(a1, (await readFile(a1, "utf8")).replace("Parse the input file", "Parse the whole input file"));
    const edited = await runInProcess(["generate"], project);
    expect(edited.stdout).toContain("wrote   out/prompts/A1_PARSER.md");
    expect(edited.stdout).toMatch(new RegExp(`1 written, 0 removed, ${manifest.outputs.length - 1} unchanged`));
    const after = JSON.parse(await readFile(path.join(project, ".paraplan-cache", "build.json"), "utf8")) as typeof manifest;
    const views = (m: typeof manifest) => new Map(m.outputs.map((o) => [o.path, o.view]));
    const changed = [...views(after)].filter(([file, view]) => views(manifest).get(file) !== view).map(([file]) => file);
    expect(changed).toEqual(["prompts/A1_PARSER.md"]);
    expect((await runInProcess(["check"], project)).code).toBe(0);

    const plan = path.join(project, "out", "PARALLEL_EXECUTION_PLAN.md");
    const text = await readFile(plan, "utf8");
    // The same length, an older time: what the manifest recorded no longer matches, so the file is read and compared.
    await writeFile(
      plan,
      text.replace(/# (\w)/, (_, c: string) => `# ${c === "X" ? "Y" : "X"}`),
    );
    await utimes(plan, new Date(2001, 1, 1), new Date(2001, 1, 1));
    const refused = await runInProcess(["generate"], project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused out/PARALLEL_EXECUTION_PLAN.md was edited by hand");
    expect((await runInProcess(["check"], project)).stdout).toContain("edited by hand out/PARALLEL_EXECUTION_PLAN.md");
    await writeFile(plan, text);
    expect((await runInProcess(["generate"], project)).code).toBe(0);
    expect((await runInProcess(["check"], project)).code).toBe(0);
  });
});

/** `diff` and `amend` on a real git repository: a plan committed, then edited step by step (#20). */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { commitAll, demoRepository, editByHand, gitIn } from "./git-project.js";

interface DiffJson {
  from: { commit: string | null };
  to: { commit: string | null; dirty: boolean };
  empty: boolean;
  added: { kind: string; id: string }[];
  removed: { kind: string; id: string }[];
  renamed: { kind: string; from: string; to: string }[];
  changed: { kind: string; id: string; changes: { field: string; from: unknown; to: unknown; added?: string[]; removed?: string[] }[] }[];
  ownership: { pattern: string; from: string[]; to: string[] }[];
  schedule: {
    makespan: { from: { low: number; high: number }; to: { low: number; high: number } };
    waves: { number: number; from: { high: number } | null; to: { high: number } | null }[];
    criticalPaths: { from: string[][]; to: string[][] };
    changed: boolean;
  };
  prompts: { workstream: string; change: string; sections: string[] }[];
}

interface ScheduleJson {
  schedule: { withWaves: { high: { makespan: number; criticalPaths: string[][] }; low: { makespan: number } }; execution: { waves: { number: number; mergeDay: { low: number; high: number } }[] } };
}

async function run(root: string, ...args: string[]) {
  return runInProcess(args, root);
}

async function diffJson(root: string, ...revs: string[]): Promise<DiffJson> {
  const result = await run(root, "diff", ...revs, "--json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DiffJson;
}

/** `schedule --json` of the plan at a commit, from a detached worktree of it (the test may check out; diff never does). */
async function scheduleAt(root: string, commit: string): Promise<ScheduleJson> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-diff-wt-"));
  gitIn(root, "worktree", "add", "-q", "--detach", path.join(dir, "wt"), commit);
  const result = await run(path.join(dir, "wt"), "schedule", "--json");
  return JSON.parse(result.stdout) as ScheduleJson;
}

/** The diff's schedule figures agree with `schedule --json` of both revisions. */
async function expectScheduleAgrees(root: string, diff: DiffJson, from: string, to: string): Promise<void> {
  const [a, b] = [await scheduleAt(root, from), await scheduleAt(root, to)];
  expect(diff.schedule.makespan.from).toEqual({ low: a.schedule.withWaves.low.makespan, high: a.schedule.withWaves.high.makespan });
  expect(diff.schedule.makespan.to).toEqual({ low: b.schedule.withWaves.low.makespan, high: b.schedule.withWaves.high.makespan });
  expect(diff.schedule.criticalPaths.from).toEqual(a.schedule.withWaves.high.criticalPaths);
  expect(diff.schedule.criticalPaths.to).toEqual(b.schedule.withWaves.high.criticalPaths);
  for (const wave of diff.schedule.waves) {
    expect(wave.from?.high ?? null).toBe(a.schedule.execution.waves.find((w) => w.number === wave.number)?.mergeDay.high ?? null);
    expect(wave.to?.high ?? null).toBe(b.schedule.execution.waves.find((w) => w.number === wave.number)?.mergeDay.high ?? null);
  }
  // A wave the diff leaves out merges on the same day in both.
  for (const w of b.schedule.execution.waves)
    if (!diff.schedule.waves.some((x) => x.number === w.number)) expect(a.schedule.execution.waves.find((x) => x.number === w.number)?.mergeDay).toEqual(w.mergeDay);
}

const changesOf = (diff: DiffJson, id: string) => diff.changed.find((r) => r.id === id)?.changes ?? [];

describe("diff and amend across a sequence of plan edits", () => {
  let root: string;
  const commits: string[] = [];

  beforeAll(async () => {
    const repo = await demoRepository();
    root = repo.root;
    commits.push(repo.first);
    const step = async (message: string, edit: () => Promise<unknown>) => {
      await edit();
      commits.push(commitAll(root, message));
    };
    const cli = async (...args: string[]) => {
      const result = await run(root, ...args);
      if (result.code !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
    };
    await step("TD3 takes 4 days", () => cli("set", "TD3", "days", "4")); // 1
    await step("WS2 depends on TD1", () => cli("add", "WS2", "depends_on", "TD1")); // 2
    await step("TD3 no longer depends on TD1", () => cli("remove", "TD3", "depends_on", "TD1")); // 3
    await step("src/util.ts moves to WS3", async () => {
      await editByHand(root, "plan/workstreams/TD2-parser.md", "owns: [src/parser.ts, src/util.ts]", "owns: [src/parser.ts]");
      await editByHand(root, "plan/workstreams/WS3-search.md", "owns: [src/search.ts]", "owns: [src/search.ts, src/util.ts]");
    }); // 4
    await step("ADR 2 supersedes ADR 1", () => cli("decision", "supersede", "1", "--by", "2")); // 5
    await step("WS2 is WS5 now", () => cli("set", "WS2", "id", "WS5")); // 6
    await step("WS3 moves to wave 1", () => editByHand(root, "plan/workstreams/WS3-search.md", "wave: 2", "wave: 1")); // 7
  }, 120_000);

  it("names a changed duration and its schedule effect, as schedule --json has both revisions", async () => {
    const diff = await diffJson(root, commits[0]!, commits[1]!);
    expect(changesOf(diff, "TD3")).toEqual([{ field: "days", from: "2", to: "4" }]);
    expect(diff.schedule.makespan).toEqual({ from: { low: 5, high: 5 }, to: { low: 6, high: 6 } });
    expect(diff.schedule.waves).toEqual([{ number: 2, from: { low: 5, high: 5 }, to: { low: 6, high: 6 } }]);
    await expectScheduleAgrees(root, diff, commits[0]!, commits[1]!);
    const text = await run(root, "diff", commits[0]!, commits[1]!);
    expect(text.stdout).toContain("  TD3 days 2 → 4\n");
    expect(text.stdout).toContain("  makespan 5 → 6 days\n");
    expect(text.stdout).toContain("  wave 2 slips from day 5 to day 6\n");
    expect(text.stdout).toContain("  critical path now TD1 → TD3; TD2 → TD3 (was TD1 → WS2; TD2 → WS2)\n");
    expect(text.stdout).toContain("  TD3 works days 3–4 → days 3–6\n");
    expect(text.stdout).toMatch(/Prompts:\n(.*\n)* {2}TD3: Where and when you work/);
  });

  it("names a dependency added and one removed", async () => {
    const added = await diffJson(root, commits[1]!, commits[2]!);
    expect(changesOf(added, "WS2")).toEqual([{ field: "depends_on", from: ["TD2"], to: ["TD2", "TD1"], added: ["TD1"], removed: [] }]);
    await expectScheduleAgrees(root, added, commits[1]!, commits[2]!);
    const removed = await diffJson(root, commits[2]!, commits[3]!);
    expect(changesOf(removed, "TD3")).toEqual([{ field: "depends_on", from: ["TD1"], to: [], added: [], removed: ["TD1"] }]);
    await expectScheduleAgrees(root, removed, commits[2]!, commits[3]!);
    expect((await run(root, "diff", commits[1]!, commits[2]!)).stdout).toContain("  WS2 depends_on + TD1\n");
    expect((await run(root, "diff", commits[2]!, commits[3]!)).stdout).toContain("  TD3 depends_on − TD1\n");
  });

  it("names a file that changed owner", async () => {
    const diff = await diffJson(root, commits[3]!, commits[4]!);
    expect(diff.ownership).toEqual([{ pattern: "src/util.ts", from: ["TD2"], to: ["WS3"] }]);
    expect((await run(root, "diff", commits[3]!, commits[4]!)).stdout).toContain("  `src/util.ts` owner TD2 → WS3\n");
  });

  it("names a superseded ADR with what supersedes it", async () => {
    const text = (await run(root, "diff", commits[4]!, commits[5]!)).stdout;
    expect(text).toContain("  ADR-0001 status accepted → superseded by ADR-0002\n");
  });

  it("shows a renamed workstream as renamed, not as removed and added", async () => {
    const diff = await diffJson(root, commits[5]!, commits[6]!);
    expect(diff.renamed).toEqual([{ kind: "workstream", from: "WS2", to: "WS5", fromFile: "plan/workstreams/WS2-cli.md", file: "plan/workstreams/WS2-cli.md" }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    // Its days are the same: a rename moves nothing in the schedule.
    expect(diff.schedule.changed).toBe(false);
    expect((await run(root, "diff", commits[5]!, commits[6]!)).stdout).toContain("  renamed workstream WS2 → WS5\n");
  });

  it("names a workstream moved to another wave and the gates that change for it", async () => {
    const diff = await diffJson(root, commits[6]!, commits[7]!);
    expect(changesOf(diff, "WS3")).toEqual([{ field: "wave", from: "2", to: "1" }]);
    await expectScheduleAgrees(root, diff, commits[6]!, commits[7]!);
    const amend = await run(root, "amend", "WS3", "--since", commits[6]!);
    expect(amend.stdout).toContain("You are now merged in wave 2 → wave 1.");
    expect(amend.stdout).toContain("## Gates that no longer apply\n\n- Lint\n");
  });

  it("diff with no revision compares HEAD with the working tree, and says when nothing changed", async () => {
    const same = await run(root, "diff");
    expect(same.stdout).toMatch(/^plan HEAD \([0-9a-f]{7}\) → working tree: no change\n$/);
    expect((await diffJson(root)).empty).toBe(true);
  });

  it("amend tells an affected workstream exactly what changed for it, and an unaffected one nothing", async () => {
    const td3 = await run(root, "amend", "TD3", "--since", commits[0]!);
    expect(td3.code).toBe(0);
    expect(td3.stdout).toContain("# Amendment for TD3: Report\n");
    expect(td3.stdout).toContain("## Dependencies dropped\n\nYou no longer wait for these; do not build on their work:\n\n- TD1 (Config)\n");
    expect(td3.stdout).toContain("## Your days\n\n4 days:");
    expect(td3.stdout.replace(/\s+/g, " ")).toContain("- ADR-0001 Use JSON for reports: accepted → superseded; follow ADR-0002 (Use YAML for reports) instead ");
    expect(td3.stdout).not.toContain("src/util.ts");
    expect(td3.stdout).not.toContain("## New dependencies");
    const ws1 = await run(root, "amend", "WS1", "--since", commits[0]!);
    expect(ws1.code).toBe(0);
    expect(ws1.stdout).toBe("");
    expect(ws1.stderr).toBe(`nothing changed for WS1 since ${commits[0]!.slice(0, 7)}\n`);
    const td2 = await run(root, "amend", "TD2", "--since", commits[3]!);
    expect(td2.stdout).toContain("## Files to leave alone now\n\n- `src/util.ts`: WS3 owns it now\n");
    const ws5 = await run(root, "amend", "WS2", "--since", commits[1]!);
    expect(ws5.stdout).toContain("# Amendment for WS5: Cli\n");
    expect(ws5.stdout).toContain("Your workstream is now **WS5** (it was WS2)");
    expect(ws5.stdout).toContain("## New dependencies\n\n- TD1 (Config): planned: not merged yet");
  });

  it("writes markdown for a pull-request comment that passes markdownlint, and amendments too", async () => {
    const md = await run(root, "diff", commits[0]!, commits[7]!, "--format", "markdown");
    expect(md.stdout).toMatch(/^# Plan change\n\n/);
    expect(await lintMarkdown({ "diff.md": md.stdout })).toEqual([]);
    const amendments: Record<string, string> = {};
    for (const id of ["TD2", "TD3", "WS3", "WS5"]) amendments[id] = (await run(root, "amend", id, "--since", commits[0]!)).stdout;
    expect(await lintMarkdown(amendments)).toEqual([]);
  });

  it("amend --all writes out/amendments/ for the affected, lists the unaffected, and check leaves the folder alone", async () => {
    expect((await run(root, "generate")).code).toBe(0);
    const all = await run(root, "amend", "--all", "--since", commits[0]!);
    expect(all.code).toBe(0);
    // TD1 gained a dependent, which changes nothing it was told.
    expect(all.stdout).toContain("unaffected: TD1, WS1\n");
    const files = (await readdir(path.join(root, "out", "amendments"))).sort();
    expect(files).toEqual(["TD2_PARSER.md", "TD3_REPORT.md", "WS3_SEARCH.md", "WS5_CLI.md"]);
    const check = await run(root, "check");
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // Nothing since HEAD: the folder's old amendments go, and every workstream is unaffected.
    const none = await run(root, "amend", "--all", "--since", "HEAD");
    expect(none.stdout).toContain("no workstream is affected\n");
    expect(await readdir(path.join(root, "out", "amendments"))).toEqual([]);
  });

  it("prompt --mark-delivered records the commit and the prompt's stamp; amend then compares with it", async () => {
    const prompt = await run(root, "prompt", "TD3", "--mark-delivered");
    expect(prompt.code, prompt.stderr).toBe(0);
    const record = JSON.parse(await readFile(path.join(root, "plan", ".paraplan", "delivered.json"), "utf8")) as {
      version: number;
      workstreams: Record<string, { commit: string; dirty: boolean; prompt: string }>;
    };
    expect(record.version).toBe(1);
    expect(record.workstreams.TD3).toMatchObject({ commit: commits[7], dirty: false });
    // The stamp is the hash in the prompt's generated header.
    const outPrompt = await readFile(path.join(root, "out", "prompts", "TD3_REPORT.md"), "utf8");
    expect(outPrompt.split("\n")[1]).toBe(`sha256 ${record.workstreams.TD3!.prompt.slice("sha256:".length)} -->`);
    // The record is no plan record and no build input: check still passes, validate says nothing new.
    expect((await run(root, "check")).code).toBe(0);
    expect((await run(root, "amend", "TD3")).stderr).toBe(`nothing changed for TD3 since ${commits[7]!.slice(0, 7)}\n`);
    await run(root, "set", "TD3", "days", "5");
    const amended = await run(root, "amend", "TD3");
    expect(amended.stdout).toContain("## Your days\n\n5 days:");
    gitIn(root, "checkout", "-q", "--", "plan/workstreams");
  });

  it("refuses an unknown revision and a workstream without a delivery, with exit 2", async () => {
    const unknown = await run(root, "diff", "no-such-rev");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no commit `no-such-rev` in the repository");
    const undelivered = await run(root, "amend", "WS1");
    expect(undelivered.code).toBe(2);
    expect(undelivered.stderr).toContain("no delivery of the WS1 prompt is recorded");
  });
});

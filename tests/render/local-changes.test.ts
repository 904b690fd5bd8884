import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlan, type LoadedPlan } from "../../src/io/load-plan.js";
import { loadTemplates } from "../../src/io/load-templates.js";
import type { ParseCache } from "../../src/io/read-plan.js";
import type { RecordMemo } from "../../src/model/build-plan.js";
import type { Plan } from "../../src/model/types.js";
import { createRenderer, type Renderer } from "../../src/render/renderer.js";
import { LOCAL_FIELDS, localChanges } from "../../src/render/local-changes.js";
import { renderDocuments, renderMemo, type RenderMemo } from "../../src/render/render-documents.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { FIXTURE_PLANS } from "../helpers/fixture-plans.js";
import { REPO } from "../helpers/run-cli.js";

type Kind = keyof Plan;
type AnyRecord = Record<string, unknown> & { source: { file: string } };

const at = { file: "x.md", start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** One value of each shape a local field holds, for fields that are empty in a plan. */
const SAMPLES: Record<string, unknown> = {
  extras: [{ heading: "Edited Section", body: "Edited body.", at }],
  sections: [{ heading: "Edited Section", body: "Edited body.", at }],
  otherFields: [{ key: "Edited", value: "yes" }],
  statistics: [{ key: "Edited", value: "yes" }],
  nextPriorities: [{ title: "Edited", body: "Edited.", fields: [], items: [], rest: "Edited.", at }],
  lessonsLearned: [{ title: "Edited", body: "Edited.", fields: [], items: [], rest: "Edited.", at }],
  consequences: { text: "Edited.", positive: ["Edited good"], negative: ["Edited bad"] },
};

/** The value with its first piece of text changed (or a sample added), keeping its shape. */
function edited(value: unknown, field: string): unknown {
  if (typeof value === "string") return `${value} Edited.`;
  if (value === undefined) return field === "severity" ? "low" : "edited";
  if (Array.isArray(value)) return value.length === 0 ? (SAMPLES[field] ?? ["Edited item"]) : [edited(value[0], field), ...(value.slice(1) as unknown[])];
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    const i = entries.findIndex(([k, v]) => k !== "at" && (typeof v === "string" || Array.isArray(v)));
    return Object.fromEntries(entries.map(([k, v], j) => [k, j === i ? edited(v, k) : v]));
  }
  return value;
}

/** An enum-valued local field gets another value of its enum. */
const OTHER_VALUE: Record<string, (v: unknown) => unknown> = {
  severity: (v) => (v === "high" ? "low" : "high"),
  status: (v) => (v === "open" ? "closed" : "open"),
};

/** The plan with one field of one record changed; every other record stays the same object. */
function withEdit(plan: Plan, kind: Kind, index: number, field: string): Plan {
  const list = (Array.isArray(plan[kind]) ? plan[kind] : [plan[kind]]) as AnyRecord[];
  const record = list[index]!;
  const value = kind === "risks" && OTHER_VALUE[field] ? OTHER_VALUE[field](record[field]) : edited(record[field], field);
  const changed = { ...record, [field]: value };
  return { ...plan, [kind]: Array.isArray(plan[kind]) ? list.map((r) => (r === record ? changed : r)) : changed };
}

/** A renderer that counts the documents it renders. */
function counting(inner: Renderer): Renderer & { count: number } {
  const counter = { key: inner.key ?? "", count: 0, render: (name: string, view: object) => (counter.count++, inner.render(name, view)) };
  return counter;
}

const copyMemo = (memo: RenderMemo): RenderMemo => ({ documents: new Map(memo.documents), ...(memo.last ? { last: memo.last } : {}) });

const PLANS = { autoD: path.join(REPO, "plan"), twenty: path.join(FIXTURE_PLANS, "twenty", "plan"), "adr-formats": path.join(FIXTURE_PLANS, "adr-formats", "plan") };

describe("local changes (watch re-renders only the documents that read the edited files)", () => {
  let renderer: Renderer;
  const loaded = new Map<string, { plan: LoadedPlan; memo: RenderMemo; edits: [Kind, number, string][] }>();

  beforeAll(async () => {
    renderer = createRenderer(await loadTemplates(undefined, REPO));
    for (const [name, dir] of Object.entries(PLANS)) {
      const plan = await loadPlan(dir, REPO);
      const memo = renderMemo();
      renderDocuments(plan.plan, plan.schedule, renderer, undefined, memo);
      expect(memo.last).toBeDefined();
      const edits: [Kind, number, string][] = [];
      for (const kind of Object.keys(LOCAL_FIELDS) as Kind[]) {
        const count = Array.isArray(plan.plan[kind]) ? (plan.plan[kind] as unknown[]).length : 1;
        for (let i = 0; i < count; i++) for (const field of LOCAL_FIELDS[kind]) edits.push([kind, i, field]);
      }
      loaded.set(name, { plan, memo, edits });
    }
  });

  it("an edit of any local field of any record renders exactly what a full rendering does, and renders less", () => {
    const cases = [...loaded.keys()].flatMap((name) => loaded.get(name)!.edits.map((edit) => ({ name, edit })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), ({ name, edit: [kind, index, field] }) => {
        const { plan, memo } = loaded.get(name)!;
        const after = withEdit(plan.plan, kind, index, field);
        const schedule = computeSchedule(after).schedule;
        expect(localChanges(plan.plan, after)).toEqual(new Set([([after[kind]].flat() as unknown as AnyRecord[])[index]!.source.file]));
        const incremental = counting(renderer);
        const result = renderDocuments(after, schedule, incremental, undefined, copyMemo(memo));
        const full = renderDocuments(after, schedule, renderer);
        expect(result.files).toEqual(full.files);
        expect(incremental.count).toBeLessThan(full.files.length);
      }),
      { seed: 20261129, numRuns: Number(process.env.LOCAL_RUNS ?? 150) },
    );
  });

  it("any other change, or records that come or go, is not local", () => {
    const { plan } = loaded.get("autoD")!;
    const ws = plan.plan.workstreams[0]!;
    const rename = { ...plan.plan, workstreams: plan.plan.workstreams.map((w) => (w === ws ? { ...w, name: `${w.name} 2` } : w)) };
    expect(localChanges(plan.plan, rename)).toBeUndefined();
    const longer = { ...plan.plan, workstreams: plan.plan.workstreams.map((w) => (w === ws ? { ...w, days: { low: 9, high: 9, text: "9" } } : w)) };
    expect(localChanges(plan.plan, longer)).toBeUndefined();
    expect(localChanges(plan.plan, { ...plan.plan, workstreams: plan.plan.workstreams.slice(1) })).toBeUndefined();
    expect(localChanges(plan.plan, { ...plan.plan, risks: [...plan.plan.risks, { ...plan.plan.risks[0]!, id: "R9" }] })).toBeUndefined();
    // The same plan: nothing changed. A copy of every record: everything "changed", too many files to compare.
    expect(localChanges(plan.plan, plan.plan)).toEqual(new Set());
    const copies = Object.fromEntries(
      Object.entries(plan.plan).map(([k, v]: [string, unknown]) => [k, Array.isArray(v) ? (v as object[]).map((r) => ({ ...r })) : { ...(v as object) }]),
    ) as unknown as Plan;
    expect(localChanges(plan.plan, copies)).toBeUndefined();
  });

  it("a plan loaded again after a file edit keeps every other record, so the edit alone is seen", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-local-"));
    const planDir = path.join(dir, "plan");
    await cp(PLANS.autoD, planDir, { recursive: true });
    const parsed: ParseCache = new Map();
    const records: RecordMemo = new WeakMap();
    const first = await loadPlan(planDir, dir, { memory: parsed }, records);
    const file = path.join(planDir, "workstreams", "TD1-error-handling.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^## Goal\n\n/m, "## Goal\n\nAn edit of the goal. "));
    const second = await loadPlan(planDir, dir, { memory: parsed }, records);
    expect(second.plan.workstreams.find((w) => w.id === "TD1")!.goal).toMatch(/^An edit of the goal/);
    expect(localChanges(first.plan, second.plan)).toEqual(new Set(["plan/workstreams/TD1-error-handling.md"]));
    // Its name is not local: every document may show it.
    await writeFile(file, text.replace(/^(name:\s*).*$/m, "$1Error Handling, renamed"));
    const third = await loadPlan(planDir, dir, { memory: parsed }, records);
    expect(third.plan.workstreams.find((w) => w.id === "TD1")!.name).toBe("Error Handling, renamed");
    expect(localChanges(second.plan, third.plan)).toBeUndefined();
    await rm(dir, { recursive: true, force: true });
  });
});

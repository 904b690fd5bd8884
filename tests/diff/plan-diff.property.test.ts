/** The changes `diff` reports, applied to the old plan's records, give the new plan's records (#20). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/parse/parse-record.js";
import { analysePlan, type AnalysedPlan } from "../../src/schedule/analyse-plan.js";
import { applyChanges, comparableRecords, diffPlans } from "../../src/schedule/plan-diff.js";
import { DEMO_PLAN, ws } from "./demo-plan.js";

/** Analyses plan texts in memory, as `diff` does with an older revision's. */
function analyse(texts: Record<string, string>): AnalysedPlan {
  const files = Object.entries(texts).map(([file, text]) => parseRecord(text, file, file.slice("plan/".length)));
  return analysePlan(files, [], { planDir: "plan" });
}

const IDS = [
  ["TD1", "Config", "plan/workstreams/TD1-config.md"],
  ["TD2", "Parser", "plan/workstreams/TD2-parser.md"],
  ["TD3", "Report", "plan/workstreams/TD3-report.md"],
  ["WS1", "Docs", "plan/workstreams/WS1-docs.md"],
  ["WS2", "Cli", "plan/workstreams/WS2-cli.md"],
  ["WS3", "Search", "plan/workstreams/WS3-search.md"],
] as const;
const FILES = ["src/a.ts", "src/b.ts", "src/c.ts", "docs/d.md"];

/** Random model-level values for each workstream: days, wave, dependencies on earlier ones (no cycle), owned files. */
const edits = fc.tuple(
  ...IDS.map((_, i) =>
    fc.record({
      days: fc.integer({ min: 1, max: 5 }),
      wave: fc.constantFrom(1, 2),
      deps: fc.subarray(IDS.slice(0, i).map(([id]) => id)),
      owns: fc.subarray(FILES, { minLength: 1 }),
    }),
  ),
);

/** The demo plan with each workstream's values replaced. */
function planWith(values: readonly { days: number; wave: number; deps: string[]; owns: string[] }[]): Record<string, string> {
  const texts = { ...DEMO_PLAN };
  IDS.forEach(([id, name, file], i) => {
    const v = values[i]!;
    // Each workstream owns its own file too, so ownership moves between them without every file being shared.
    texts[file] = ws(id, name, v.days, v.wave, v.deps, [`src/${id.toLowerCase()}.ts`, ...v.owns]);
  });
  return texts;
}

describe("diffPlans", () => {
  it("reports changes that, applied to the old records, give the new ones; and the new schedule's figures", () => {
    fc.assert(
      fc.property(edits, edits, (a, b) => {
        const before = analyse(planWith(a));
        const after = analyse(planWith(b));
        const diff = diffPlans(before, after);
        expect(diff.renamed).toEqual([]);
        const newRecords = new Map(comparableRecords(after).map((r) => [`${r.kind}:${r.id}`, r.fields]));
        for (const record of comparableRecords(before)) {
          const changes = diff.changed.find((c) => c.kind === record.kind && c.id === record.id)?.changes ?? [];
          expect(applyChanges(record.fields, changes)).toEqual(newRecords.get(`${record.kind}:${record.id}`));
        }
        expect(diff.schedule.makespan.to).toEqual({ low: after.schedule.withWaves.low.makespan, high: after.schedule.withWaves.high.makespan });
        expect(diff.schedule.makespan.from).toEqual({ low: before.schedule.withWaves.low.makespan, high: before.schedule.withWaves.high.makespan });
        // Owners: applying the ownership changes to the old owners gives the new ones.
        const owners = (p: AnalysedPlan) => {
          const map = new Map<string, string[]>();
          for (const w of p.plan.workstreams) for (const f of w.owns) map.set(f.pattern, [...(map.get(f.pattern) ?? []), w.id].sort());
          return map;
        };
        const moved = owners(before);
        for (const o of diff.ownership) {
          expect(moved.get(o.pattern) ?? []).toEqual(o.from);
          if (o.to.length === 0) moved.delete(o.pattern);
          else moved.set(o.pattern, o.to);
        }
        expect(moved).toEqual(owners(after));
        // The same plan on both sides: no change at all.
        expect(diffPlans(after, analyse(planWith(b))).changed).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("a session log's sections", () => {
  it("are changes too: an edited priority or preparation list is reported, as prose", () => {
    const session = (preparation: string) => ["---", "date: 2025-10-16", "---", "", "# Setup", "", "## Summary", "", "Set up.", "", "## Next Session Preparation", "", preparation, ""].join("\n");
    const before = analyse({ ...DEMO_PLAN, "plan/sessions/2025-10-16-setup.md": session("- [ ] Run the gates in the morning.") });
    const after = analyse({ ...DEMO_PLAN, "plan/sessions/2025-10-16-setup.md": session("- [ ] Run the gates once TD2 finishes.") });
    const changed = diffPlans(before, after).changed.filter((c) => c.kind === "session");
    expect(changed.map((c) => c.changes.map((f) => [f.field, f.prose ?? false]))).toEqual([[["next_session_preparation", true]]]);
  });
});

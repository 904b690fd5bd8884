/**
 * A prompt names the files other workstreams own that its agent could collide with, and only those: the owned
 * patterns near its own by the rule of nearby-owned-files.ts, of workstreams active on some same day, never one that
 * may name one of its own files. The rule is checked on examples; the prompt's list, found through the index by
 * folder, is checked against the rule applied to every pair of patterns of random plans.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { homeOf, isNear } from "../../src/render/views/nearby-owned-files.js";
import { promptView } from "../../src/render/views/prompt-view.js";
import { renderContext } from "../../src/render/views/render-context.js";
import { normalizePattern, patternsMayOverlap } from "../../src/schedule/file-patterns.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { settings } from "../robustness/helpers/fuzz.js";
import { makePlan, type WorkstreamSpec } from "../schedule/make-plan.js";

describe("the nearby rule", () => {
  it("gives each pattern a home: a literal path's folder, a glob's literal prefix", () => {
    expect(homeOf("src/a/b.ts")).toBe("src/a");
    expect(homeOf("package.json")).toBe("");
    expect(homeOf("src/a/**")).toBe("src/a");
    expect(homeOf("src/*.ts")).toBe("src");
    expect(homeOf("**/*.md")).toBe("");
  });

  it.each([
    ["src/batch/x.ts", "src/batch/y.ts", true, "same folder"],
    ["src/batch/x.ts", "src/config.ts", true, "theirs one folder up"],
    ["src/batch/x.ts", "src/batch/io/y.ts", true, "theirs one folder down"],
    ["src/batch/x.ts", "src/batch/io/deep/y.ts", false, "two folders down"],
    ["src/batch/io/x.ts", "src/config.ts", false, "two folders up"],
    ["src/batch/io/x.ts", "src/**", true, "a glob whose folder holds mine, any depth up"],
    ["src/batch/io/x.ts", "**/*.sql", true, "a glob that may match anywhere"],
    ["src/batch/io/**", "src/config.ts", false, "my glob does not reach up to a literal two folders up"],
    ["src/batch/**", "src/batch/io/deep/y.ts", false, "my glob's folder holds theirs, but two folders down"],
    ["src/batch/x.ts", "tests/batch/x.ts", false, "a sibling tree"],
    ["package.json", "README.md", true, "two root files"],
    ["package.json", "src/cli.ts", true, "a root file and a top-level folder's file"],
    ["package.json", "src/batch/x.ts", false, "a root file is not near the whole plan"],
  ])("%s and %s: %s (%s)", (mine, theirs, near) => {
    expect(isNear(normalizePattern(mine), normalizePattern(theirs))).toBe(near);
  });
});

// Paths over a few levels, literal and glob, so that every clause of the rule and the overlap exclusion come up.
const FILES = [
  "package.json",
  "README.md",
  "src/a.ts",
  "src/b.ts",
  "src/x/c.ts",
  "src/x/y/d.ts",
  "src/x/y/z/e.ts",
  "src/*.ts",
  "src/**",
  "src/x/",
  "./src/x/y/*.ts",
  "src/**/*.sql",
  "docs/x.md",
  "docs/**",
  "**/*.md",
  "tests/unit/t.ts",
  "tests/conftest.py",
];
const IDS = ["A", "B", "C", "D", "E", "F", "G", "H"];

const genPlan = fc.array(
  fc.record({
    depMask: fc.nat({ max: 255 }),
    days: fc.integer({ min: 1, max: 4 }),
    owns: fc.subarray(FILES, { maxLength: 4 }),
    touches: fc.subarray(FILES, { maxLength: 2 }),
  }),
  { minLength: 2, maxLength: IDS.length },
);

describe("a prompt's files owned by others", () => {
  it("are exactly the nearby owned patterns of workstreams active on a same day, none of which may be its own", () => {
    fc.assert(
      fc.property(genPlan, (gen) => {
        const specs = gen.map((g, i): WorkstreamSpec => ({ id: IDS[i]!, days: g.days, deps: IDS.slice(0, i).filter((_, j) => (g.depMask >> j) & 1), owns: g.owns, touches: g.touches, wave: 1 }));
        const plan = makePlan({ workstreams: specs, waves: [{ number: 1 }] });
        const { schedule } = computeSchedule(plan);
        const ctx = renderContext(plan, schedule);
        // Restated from the day-by-day timeline, not from the timings the view uses.
        const activeDays = (id: string) => new Set(schedule.withWaves.high.days.filter((d) => d.active.includes(id)).map((d) => d.day));
        for (const ws of plan.workstreams) {
          const mine = [...ws.owns, ...ws.touches].map((f) => normalizePattern(f.pattern));
          const days = activeDays(ws.id);
          const expected = plan.workstreams
            .filter((o) => o.id !== ws.id && [...activeDays(o.id)].some((d) => days.has(d)))
            .flatMap((o) =>
              o.owns
                .filter((f) => {
                  const theirs = normalizePattern(f.pattern);
                  return mine.some((m) => isNear(m, theirs)) && !mine.some((m) => patternsMayOverlap(m, theirs));
                })
                .map((f) => ({ file: f.pattern, owner: o.id })),
            );
          const { forbidden } = promptView(ctx, ws);
          expect(forbidden).toEqual(expected);
          for (const f of forbidden) {
            expect(f.owner).not.toBe(ws.id);
            for (const own of ws.owns) expect(patternsMayOverlap(normalizePattern(own.pattern), normalizePattern(f.file))).toBe(false);
          }
        }
      }),
      settings(150),
    );
  });
});

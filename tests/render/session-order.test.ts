import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

const SEED = path.join(REPO, "..", "shared", "seed", "2025-10-16-parallel-execution-strategy-setup.md");
const h2 = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

describe("the generated session log", () => {
  const seedAbsent = !existsSync(SEED);
  it.skipIf(seedAbsent)(`has the seed's sections in the seed's order${seedAbsent ? " (skipped: ../shared/seed is absent)" : ""}`, async () => {
    const { byPath } = await renderPlan(path.join(REPO, "plan"), REPO);
    const generated = byPath["sessions/2025-10-16-parallel-execution-strategy-setup.md"]!;
    expect(h2(generated)).toEqual(h2(readFileSync(SEED, "utf8")));
  });

  it("draws its decisions from the ADR records, its risks from the risk records and its metrics from the schedule", async () => {
    const { byPath, plan } = await renderPlan(path.join(REPO, "plan"), REPO);
    const log = byPath["sessions/2025-10-16-parallel-execution-strategy-setup.md"]!;
    for (const d of plan.decisions) expect(log).toContain(`### ADR-${String(d.number).padStart(4, "0")}: ${d.title}`);
    for (const r of plan.risks) expect(log).toContain(`### ${r.id}: ${r.title}`);
    expect(log).toContain("| Makespan with waves | 7 days |");
    expect(log).toMatch(/\| TD2 \| `\.\.\/autoD-config-management` \| `workstream\/config-management` \| planned \| day 1 \(2025-10-17\) \|/);
  });
});

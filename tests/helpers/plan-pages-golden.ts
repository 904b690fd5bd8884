import path from "node:path";
import { FIXTURE_PLANS } from "./fixture-plans.js";
import { renderPlan } from "./render-plan.js";
import { REPO } from "./run-cli.js";

/** The fixture plan rendered with its execution plan split into pages of at most `PAGES_ABOVE` workstreams. */
export const SPLIT_FIXTURE = "twenty";
export const PAGES_ABOVE = 3;

/** Where the split rendering's golden files are: the execution plan and its pages (other documents are as unsplit). */
export const SPLIT_GOLDEN = path.join(REPO, "tests", "fixtures", "plan-pages", SPLIT_FIXTURE);

/** Renders the fixture with the split forced through the setting `paraplan.config.json` gives (`executionPlan.pagesAbove`). */
export async function renderSplit() {
  const root = path.join(FIXTURE_PLANS, SPLIT_FIXTURE);
  return renderPlan(path.join(root, "plan"), root, undefined, { settings: { planPagesAbove: PAGES_ABOVE } });
}

/** The documents the split changes: the execution plan and its pages. */
export function isSplitDocument(file: string): boolean {
  return file === "PARALLEL_EXECUTION_PLAN.md" || file.startsWith("execution-plan/");
}

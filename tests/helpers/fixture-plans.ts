import { readdirSync } from "node:fs";
import path from "node:path";
import { REPO } from "./run-cli.js";

/** The fixture plans whose rendered output is kept as golden files: `tests/fixtures/plans/<name>/{plan,expected}`. */
export const FIXTURE_PLANS = path.join(REPO, "tests", "fixtures", "plans");

export function fixturePlanNames(): string[] {
  return readdirSync(FIXTURE_PLANS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Rewrites tests/fixtures/invalid/<scenario>/expected.txt from the current output of `loadPlan`.
 * Usage: npm run goldens:invalid [-- scenario ...]
 * Review every changed file before committing it: a golden is only as good as its last reading.
 */
import { readFile, writeFile } from "node:fs/promises";
import { expectedPath, scenarioOutput, scenarios } from "../tests/model/invalid-scenarios.js";

const all = scenarios();
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(", ")}`);
  process.exit(2);
}
for (const name of chosen.length > 0 ? chosen : all) {
  const output = await scenarioOutput(name);
  const file = expectedPath(name);
  const before = await readFile(file, "utf8").catch(() => undefined);
  if (before === output) continue;
  await writeFile(file, output);
  console.log(`${before === undefined ? "created" : "updated"} ${file}`);
}

// Regenerates the golden outputs of the fixture plans (tests/fixtures/plans/<name>/expected/) and the
// repository's own out/, after an intended change to the templates or the model. Review the diff before committing.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderPlan } from "../tests/helpers/render-plan.js";
import { FIXTURE_PLANS, fixturePlanNames } from "../tests/helpers/fixture-plans.js";
import { isSplitDocument, renderSplit, SPLIT_FIXTURE, SPLIT_GOLDEN } from "../tests/helpers/plan-pages-golden.js";

for (const name of fixturePlanNames()) {
  const root = path.join(FIXTURE_PLANS, name);
  const { files, diagnostics } = await renderPlan(path.join(root, "plan"), root);
  if (files.length === 0) throw new Error(`${name}: the plan has errors:\n${diagnostics.map((d) => `${d.file}:${d.start.line} ${d.message}`).join("\n")}`);
  await rm(path.join(root, "expected"), { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(root, "expected", file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  console.log(`${name}: ${files.length} files`);
}
// One fixture again with its execution plan split into pages: the plan and its pages only.
const split = await renderSplit();
if (split.files.length === 0) throw new Error(`${SPLIT_FIXTURE} split: the plan has errors`);
await rm(SPLIT_GOLDEN, { recursive: true, force: true });
for (const file of split.files.filter((f) => isSplitDocument(f.path))) {
  const target = path.join(SPLIT_GOLDEN, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.content);
}
console.log(`${SPLIT_FIXTURE}, split into pages: ${split.files.filter((f) => isSplitDocument(f.path)).length} files`);
console.log("now run `npm run generate` for out/, and review `git diff`");

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/parse/parse-record.js";
import { KINDS } from "../../src/schema/record-kinds.js";
import { currentValue } from "../../src/writeback/current-value.js";
import { editRecord } from "../../src/writeback/edit-record.js";
import { REPO } from "../helpers/run-cli.js";

/** Every `.md` file of a plan folder, as `relative → text` (read only: the repository's plans are never written). */
function planFiles(dir: string): [string, string][] {
  return readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.relative(path.join(REPO, dir), path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort()
    .map((relative) => [relative, readFileSync(path.join(REPO, dir, relative), "utf8")]);
}

const PLANS = ["plan", "starter/plan", ...readdirSync(path.join(REPO, "tests/fixtures/plans")).map((name) => `tests/fixtures/plans/${name}/plan`)];

// Fields that `set` does not write (tables, key-value blocks, `###` blocks) and sections shared by every row of a table.
const NOT_WRITTEN = new Set(["write-unsupported", "write-shared-field"]);

describe("re-writing every field of the repository's plans without a change", () => {
  it.each(PLANS)("gives byte-identical files: %s", (dir) => {
    let rewritten = 0;
    const skipped: string[] = [];
    for (const [relative, original] of planFiles(dir)) {
      const file = `${dir}/${relative}`;
      let text = original;
      parseRecord(original, file, relative).records.forEach((record, index) => {
        const kind = KINDS.find((k) => k.kind === record.kind)!;
        for (const spec of kind.fields.filter((f) => record.fields.has(f.name))) {
          // Each field is written again from its own value, even though it is unchanged, one after the other.
          const result = editRecord({ text, file, relative }, index, { op: "set", field: spec.name, value: currentValue(text, record, kind, spec) }, { force: true });
          if (result.status === "refused") {
            expect(
              result.diagnostics.map((d) => d.code).filter((c) => !NOT_WRITTEN.has(c)),
              `${file} ${spec.name}: ${result.diagnostics[0]?.message}`,
            ).toEqual([]);
            skipped.push(`${relative}:${spec.name}`);
            continue;
          }
          expect(result.status).toBe("changed");
          if (result.status === "changed") {
            expect(result.text, `${file} ${spec.name}`).toBe(text);
            text = result.text;
            rewritten++;
          }
        }
      });
      expect(text).toBe(original);
    }
    expect(rewritten).toBeGreaterThan(20);
    if (dir === "plan") {
      // The embedded plan: all but the structured fields (a session snapshot's tables too) and the table's shared sections are written again.
      expect(rewritten).toBeGreaterThanOrEqual(290);
      expect(skipped.every((s) => /:(resolution_protocol|merge_procedure|rollback|next_priorities|lessons_learned|statistics|figures|workstreams|waves|adr_statuses|risk_statuses)$/.test(s))).toBe(
        true,
      );
    }
  });
});

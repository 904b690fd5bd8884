/** #18.16: a file with classic Mac OS line endings (a lone CR) is read as lines, front matter included. */
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/parse/parse-record.js";

const LF = "---\nid: A3\nname: Three\ndays: 2\ndepends_on: [A1]\n---\n\n# A3: Three\n\n## Goal\n\nShip it.\n";

describe("CR-only line endings", () => {
  it("give the same fields as LF, at the same lines and columns, with no YAML error", () => {
    const lf = parseRecord(LF, "plan/workstreams/A3.md", "workstreams/A3.md");
    const cr = parseRecord(LF.replace(/\n/g, "\r"), "plan/workstreams/A3.md", "workstreams/A3.md");
    expect(cr.diagnostics).toEqual([]);
    const fields = (parsed: typeof lf) => [...parsed.records[0]!.fields].map(([name, f]) => [name, f.value, f.at.start.line, f.at.start.column]);
    expect(fields(cr)).toEqual(fields(lf));
    expect(fields(cr)).toContainEqual(["days", 2, 4, 7]);
  });

  it("report a YAML error inside CR-only front matter at its own line", () => {
    const cr = parseRecord("---\rid: A3\rname: [unclosed\r---\r\r# A3\r", "plan/workstreams/A3.md", "workstreams/A3.md");
    expect(cr.diagnostics.map((d) => [d.code, d.start.line])).toEqual([["yaml-syntax", 3]]);
  });
});

import { describe, expect, it } from "vitest";
import { build, field, lines, only, parse, showAll, span } from "./helpers.js";

const FILE = "workstreams/TD1-errors.md";
const YAML_HINT = "Fix the YAML syntax; quote values that contain `: ` or start with special characters.";

describe("front matter: values and positions", () => {
  it("reads scalars, block lists and flow lists, with the position of every key, value and entry", () => {
    const parsed = parse(
      FILE,
      lines(
        "---", //                       1
        "id: TD1", //                   2
        "days: 1.5", //                 3
        "depends_on: [TD2, TD3]", //    4
        "owns:", //                     5
        "  - src/errors.py", //         6
        "  - tests/test_errors.py", //  7
        "---", //                       8
      ),
    );
    expect(parsed.diagnostics).toEqual([]);
    const record = only(parsed);
    expect(field(record, "id")).toMatchObject({ value: "TD1", key: "id", source: "front-matter" });
    expect(span(field(record, "id").keyAt)).toBe("2:1-2:3");
    expect(span(field(record, "id").at)).toBe("2:5-2:8");
    expect(field(record, "days").value).toBe(1.5);
    const deps = field(record, "depends_on");
    expect(deps.value).toEqual(["TD2", "TD3"]);
    expect(deps.items?.map((i) => [i.value, span(i.at)])).toEqual([
      ["TD2", "4:14-4:17"],
      ["TD3", "4:19-4:22"],
    ]);
    const owns = field(record, "owns");
    expect(owns.value).toEqual(["src/errors.py", "tests/test_errors.py"]);
    expect(owns.items?.map((i) => span(i.at))).toEqual(["6:5-6:18", "7:5-7:25"]);
  });

  it("normalises keys (case, spaces, aliases) to the field's canonical name", () => {
    const record = only(parse(FILE, lines("---", "ID: TD1", "Days: 2", "Blocked By: [TD2]", "---")));
    expect([...record.fields.keys()].sort()).toEqual(["days", "depends_on", "id"]);
    expect(field(record, "depends_on")).toMatchObject({ key: "Blocked By", value: ["TD2"] });
  });

  it("resolves YAML anchors and aliases", () => {
    const parsed = parse(FILE, lines("---", "id: &x TD1", "name: *x", "days: 2", "---"));
    expect(parsed.diagnostics).toEqual([]);
    expect(field(only(parsed), "name").value).toBe("TD1");
  });

  it("accepts an empty front-matter block", () => {
    const parsed = parse(FILE, lines("---", "---", "", "# TD1: Errors"));
    expect(parsed.diagnostics).toEqual([]);
    expect(field(only(parsed), "id").value).toBe("TD1");
  });
});

describe("front matter: errors carry positions inside the file", () => {
  it("points an unclosed flow sequence on file line 4 at its `[`, not at the line YAML gave up on", () => {
    const parsed = parse(FILE, lines("---", "id: TD1", "days: 2", "depends_on: [TD2, TD3", "name: Errors", "---", "", "# TD1: Errors"));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-errors.md:4:13",
        severity: "error",
        code: "yaml-syntax",
        message: "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        hint: YAML_HINT,
      },
    ]);
    expect(span(parsed.diagnostics[0]!)).toBe("4:13-4:14");
  });

  it("finds the `[` also when the unclosed sequence is the last line of the block", () => {
    const parsed = parse(FILE, lines("---", "id: TD1", "days: 2", "depends_on: [TD2, TD3", "---"));
    expect(showAll(parsed.diagnostics).map((d) => `${d.at} ${d.code}`)).toEqual(["plan/workstreams/TD1-errors.md:4:13 yaml-syntax"]);
  });

  it("points an unclosed flow map and an unclosed quote at where they open", () => {
    expect(showAll(parse(FILE, lines("---", "id: TD1", "name: {a: 1", "days: 2", "---")).diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-errors.md:3:7",
        severity: "error",
        code: "yaml-syntax",
        message: "invalid YAML: Flow map in block collection must be sufficiently indented and end with a }",
        hint: YAML_HINT,
      },
    ]);
    expect(showAll(parse(FILE, lines("---", "id: TD1", 'name: "Error handling', "days: 2", "---")).diagnostics)).toEqual([
      { at: "plan/workstreams/TD1-errors.md:3:7", severity: "error", code: "yaml-syntax", message: 'invalid YAML: Missing closing "quote', hint: YAML_HINT },
    ]);
  });

  it("reports other YAML errors where YAML finds them, offset by the `---` line", () => {
    expect(showAll(parse(FILE, lines("---", "id: TD1", "\tdays: 2", "---")).diagnostics)).toEqual([
      { at: "plan/workstreams/TD1-errors.md:3:1", severity: "error", code: "yaml-syntax", message: "invalid YAML: Tabs are not allowed as indentation", hint: YAML_HINT },
    ]);
  });

  it("keeps no front-matter field when the YAML is broken", () => {
    const record = only(parse(FILE, lines("---", "id: TD1", "days: [2", "---", "", "# TD1: Errors")));
    // Only the title's fields remain.
    expect(Object.fromEntries([...record.fields].map(([k, f]) => [k, f.source]))).toEqual({ id: "title", name: "title" });
  });

  it("reports a key given twice with both positions", () => {
    const parsed = parse(FILE, lines("---", "id: TD1", "days: 2", "id: TD9", "---"));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-errors.md:4:1",
        severity: "error",
        code: "duplicate-field",
        message: "field `id` is given twice (first as front matter)",
        hint: "Keep one of the two; a field may be written in only one place.",
        related: ["plan/workstreams/TD1-errors.md:2:1 first given here"],
      },
    ]);
    // The first one counts; the rest of the block is still read.
    expect(field(only(parsed), "id").value).toBe("TD1");
    expect(field(only(parsed), "days").value).toBe(2);
  });

  it("treats keys that differ only in case as the same field", () => {
    const parsed = parse(FILE, lines("---", "id: TD1", "days: 2", "Days: 3", "---"));
    expect(showAll(parsed.diagnostics).map((d) => `${d.at} ${d.code} ${d.message}`)).toEqual([
      "plan/workstreams/TD1-errors.md:4:1 duplicate-field field `days` is given twice (first as front matter)",
    ]);
  });

  it("rejects a front matter that is a list or a scalar, at its first line", () => {
    const notMap = {
      severity: "error",
      code: "front-matter-not-map",
      message: "front matter must be a mapping of `key: value` lines",
      hint: "Write one `field: value` per line between the `---` lines.",
    };
    expect(showAll(parse(FILE, lines("---", "- id: TD1", "- days: 2", "---")).diagnostics)).toEqual([{ at: "plan/workstreams/TD1-errors.md:2:1", ...notMap }]);
    expect(showAll(parse(FILE, lines("---", "TD1 errors", "---")).diagnostics)).toEqual([{ at: "plan/workstreams/TD1-errors.md:2:1", ...notMap }]);
  });

  it("reports an alias to a missing anchor at the alias, instead of throwing", () => {
    const parsed = parse(FILE, lines("---", "id: TD1", "days: *two", "---"));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-errors.md:3:7",
        severity: "error",
        code: "yaml-syntax",
        message: "invalid YAML: Unresolved alias (the anchor must be set before the alias): two",
        hint: "Define the anchor (`&name`) before its alias (`*name`), or write the value out.",
      },
    ]);
    expect([...only(parsed).fields.keys()]).toEqual(["id"]);
  });

  it("reports an alias bomb instead of expanding it", () => {
    const parsed = parse(
      "agents/x.md",
      lines("---", "a: &a [1, 2]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]", "---"),
    );
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(parsed.diagnostics.map((d) => d.code))).toEqual(new Set(["yaml-syntax"]));
    expect(parsed.diagnostics[0]!.message).toBe("invalid YAML: Excessive alias count indicates a resource exhaustion attack");
  });

  it("counts lines with CRLF line endings the same way", () => {
    const text = lines("---", "id: TD1", "days: 2", "depends_on: [TD2, TD3", "---").replace(/\n/g, "\r\n");
    expect(showAll(parse(FILE, text).diagnostics).map((d) => d.at)).toEqual(["plan/workstreams/TD1-errors.md:4:13"]);
  });
});

describe("one error per cause", () => {
  it("a YAML error in front matter is the only error: fields it may hold are not also reported missing", () => {
    for (const frontMatter of [["days: 1-2", 'owner: "unclosed'], ["- days: 2"], ["days: *nowhere"]]) {
      const { diagnostics } = build({ "workstreams/TD2-x.md": lines("---", ...frontMatter, "---", "", "# TD2: Config") });
      const codes = diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
      expect(codes, frontMatter.join("\n")).not.toContain("missing-field");
      expect(codes.length, frontMatter.join("\n")).toBe(1);
    }
    // Readable front matter without a required field still says it is missing.
    const { diagnostics } = build({ "workstreams/TD2-x.md": lines("---", "priority: high", "---", "", "# TD2: Config") });
    expect(diagnostics.map((d) => d.code)).toContain("missing-field");
  });
});

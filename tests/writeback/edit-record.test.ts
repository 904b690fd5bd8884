import { describe, expect, it } from "vitest";
import { editRecord, type EditResult, type FieldEdit } from "../../src/writeback/edit-record.js";
import { lines } from "../parse/helpers.js";

/** Edits the first (or `index`th) record of a file given as `plan/<relative>`. */
function edit(relative: string, text: string, change: FieldEdit, index = 0): EditResult {
  return editRecord({ text, file: `plan/${relative}`, relative }, index, change);
}

/** The new text of an edit that must succeed. */
function changed(relative: string, text: string, change: FieldEdit, index = 0): string {
  const result = edit(relative, text, change, index);
  if (result.status !== "changed") throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  return result.text;
}

/** The code and message of an edit that must be refused. */
function refused(relative: string, text: string, change: FieldEdit): string {
  const result = edit(relative, text, change);
  if (result.status !== "refused") throw new Error(`expected a refusal, got ${result.status}`);
  return result.diagnostics.map((d) => `${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`).join("\n");
}

const set = (field: string, value: unknown): FieldEdit => ({ op: "set", field, value });
const add = (field: string, item: string): FieldEdit => ({ op: "add", field, item });
const remove = (field: string, item: string): FieldEdit => ({ op: "remove", field, item });
const replace = (field: string, value: unknown): FieldEdit => ({ op: "set", field, value, replace: true });
const WS = "workstreams/TD2-config.md";

describe("front matter", () => {
  const text = lines(
    "---",
    "# planning notes stay",
    "id: TD2",
    "days: 1-2",
    "",
    "status: planned # not started",
    "agent: 'python-pro'",
    'name: "Config Management"',
    "depends_on: [TD1]",
    "soft_depends_on: [ ]",
    "owns:",
    "  - src/config.py # the class",
    "  - tests/unit/test_config.py",
    "touches: []",
    "---",
    "",
    "# TD2: Config Management",
  );

  it("replaces a plain scalar and keeps its comment, the blank line and every other byte", () => {
    expect(changed(WS, text, set("status", "merged"))).toBe(text.replace("status: planned # not started", "status: merged # not started"));
  });

  it("keeps single and double quotes", () => {
    expect(changed(WS, text, set("agent", "backend-architect"))).toBe(text.replace("agent: 'python-pro'", "agent: 'backend-architect'"));
    // The title showed the old name: it shows the new one.
    expect(changed(WS, text, set("name", "Config: Pydantic"))).toBe(
      text.replace('name: "Config Management"', 'name: "Config: Pydantic"').replace("# TD2: Config Management", "# TD2: Config: Pydantic"),
    );
    expect(changed(WS, text, set("agent", "it's"))).toBe(text.replace("agent: 'python-pro'", "agent: 'it''s'"));
  });

  it("quotes a plain value only when YAML would read it differently", () => {
    expect(changed(WS, text, set("days", "2"))).toBe(text.replace("days: 1-2", "days: 2"));
    const keyValue = lines("---", "id: TD2", "days: 1", "branch: main", "---", "");
    expect(changed(WS, keyValue, set("branch", "feature: x #1"))).toBe(keyValue.replace("branch: main", 'branch: "feature: x #1"'));
    expect(changed(WS, keyValue, set("branch", "yes"))).toBe(keyValue.replace("branch: main", "branch: yes"));
    expect(changed(WS, keyValue, set("branch", "[x]"))).toBe(keyValue.replace("branch: main", 'branch: "[x]"'));
  });

  it("appends to a flow list, an empty flow list and a block list in their own style", () => {
    expect(changed(WS, text, add("depends_on", "TD4"))).toBe(text.replace("depends_on: [TD1]", "depends_on: [TD1, TD4]"));
    expect(changed(WS, text, add("touches", "src/a.py"))).toBe(text.replace("touches: []", "touches: [src/a.py]"));
    expect(changed(WS, text, add("soft_depends_on", "WS1"))).toBe(text.replace("soft_depends_on: [ ]", "soft_depends_on: [WS1]"));
    expect(changed(WS, text, add("owns", "docs/config.md"))).toBe(text.replace("  - tests/unit/test_config.py\n", "  - tests/unit/test_config.py\n  - docs/config.md\n"));
  });

  it("appends after a last entry's comment, and quotes an entry that needs it", () => {
    const one = lines("---", "id: TD2", "days: 1", "owns:", "    - a.py  # first", "---", "");
    expect(changed(WS, one, add("owns", "b, c.py".replace(", ", "-")))).toBe(one.replace("    - a.py  # first\n", "    - a.py  # first\n    - b-c.py\n"));
    expect(changed(WS, one, add("owns", "#b.py"))).toBe(one.replace("    - a.py  # first\n", '    - a.py  # first\n    - "#b.py"\n'));
  });

  it("replaces a whole list in its style", () => {
    expect(changed(WS, text, replace("depends_on", "TD1, TD3"))).toBe(text.replace("depends_on: [TD1]", "depends_on: [TD1, TD3]"));
    expect(changed(WS, text, replace("owns", "a.py, b.py"))).toBe(text.replace("  - src/config.py # the class\n  - tests/unit/test_config.py\n", "  - a.py\n  - b.py\n"));
    expect(changed(WS, text, replace("owns", []))).toBe(text.replace("owns:\n  - src/config.py # the class\n  - tests/unit/test_config.py\n", "owns: []\n"));
  });

  it("fills a key with no value, and adds a missing field as the last front-matter line", () => {
    const empty = lines("---", "id: TD2", "days: 1", "agent:", "---", "", "# TD2: X");
    expect(changed(WS, empty, set("agent", "python-pro"))).toBe(empty.replace("agent:\n", "agent: python-pro\n"));
    expect(changed(WS, empty, set("wave", "2"))).toBe(empty.replace("agent:\n---", "agent:\nwave: 2\n---"));
    expect(changed(WS, empty, add("depends_on", "TD1"))).toBe(empty.replace("agent:\n---", "agent:\ndepends_on: [TD1]\n---"));
  });

  it("rewrites a block scalar as a block scalar, indented like it", () => {
    const project = lines("---", "name: demo", "summary: |", "  One.", "  Two.", "max_parallel: 3", "---", "", "# Demo");
    // A command-line value is trimmed, so the block keeps no final line break (`|-`).
    expect(changed("project.md", project, set("summary", "Three.\nFour.\n"))).toBe(project.replace("|\n  One.\n  Two.\n", "|-\n  Three.\n  Four.\n"));
    expect(changed("project.md", project, set("summary", "Five."))).toBe(project.replace("summary: |\n  One.\n  Two.\n", "summary: |-\n  Five.\n"));
  });

  it("keeps CRLF line endings in lines it adds", () => {
    const crlf = lines("---", "id: TD2", "days: 1", "owns:", "  - a.py", "---", "", "# TD2: X").replace(/\n/g, "\r\n");
    expect(changed(WS, crlf, add("owns", "b.py"))).toBe(crlf.replace("  - a.py\r\n", "  - a.py\r\n  - b.py\r\n"));
    expect(changed(WS, crlf, set("status", "done"))).toBe(crlf.replace("  - a.py\r\n---", "  - a.py\r\nstatus: done\r\n---"));
  });
});

describe("key-value lines", () => {
  const session = lines("# Session: Setup", "", "**Date:** 2025-10-16", "**Status:** Day 0 complete", "", "## Summary", "", "Done.");

  it("replaces a bold key-value value and appends to one written as a comma list", () => {
    expect(changed("sessions/2025-10-16-setup.md", session, set("status", "Day 1 launched"))).toBe(session.replace("Day 0 complete", "Day 1 launched"));
    const ws = lines("# TD3: Client", "", "**Days:** 2", "**Depends On:** `TD1`, TD2", "", "## Goal", "", "x");
    expect(changed("workstreams/TD3-client.md", ws, add("depends_on", "TD4"))).toBe(ws.replace("`TD1`, TD2", "`TD1`, TD2, TD4"));
  });

  it("replaces a MADR bullet", () => {
    const adr = lines("# 2. Waves", "", "* Status: accepted", "* Date: 2025-10-16", "", "## Context", "", "x");
    expect(changed("decisions/0002-waves.md", adr, set("status", "deprecated"))).toBe(adr.replace("* Status: accepted", "* Status: deprecated"));
    expect(changed("decisions/0002-waves.md", adr, set("superseded_by", "4"))).toBe(adr.replace("* Date: 2025-10-16\n", "* Date: 2025-10-16\n* Superseded By: 4\n"));
  });

  it("adds a missing field as a line like the last one, after it", () => {
    expect(changed("sessions/2025-10-16-setup.md", session, set("duration", "3 hours"))).toBe(session.replace("**Status:** Day 0 complete\n", "**Status:** Day 0 complete\n**Duration:** 3 hours\n"));
    const hard = lines("# Session: Setup", "", "**Date:** 2025-10-16  ", "**Status:** done", "", "## Summary");
    expect(changed("sessions/2025-10-16-setup.md", hard, set("duration", "1h"))).toBe(hard.replace("**Status:** done\n", "**Status:** done  \n**Duration:** 1h\n"));
  });

  it("adds a missing field after the title when the record has no front matter and no key-value line", () => {
    const bare = lines("# Session: Setup", "", "## Summary", "", "x");
    expect(changed("sessions/2025-10-16-setup.md", bare, set("status", "ok"))).toBe(bare.replace("# Session: Setup\n", "# Session: Setup\n\n**Status:** ok\n"));
  });
});

describe("sections", () => {
  const risk = lines(
    "---",
    "id: R1",
    "severity: high",
    "---",
    "",
    "# R1: TD2 Delays",
    "",
    "## Mitigation",
    "",
    "* Start TD2 first.",
    "* Give it the best agent,",
    "  and watch it.",
    "",
    "## Contingency",
    "",
    "1. Cut the scope.",
    "",
    "2. Move the end date.",
    "",
    "## Current Status",
    "",
    "Not started.",
    "",
    "## Workstreams",
  );

  it("appends a list item with the same marker, after the last one", () => {
    expect(changed("risks/R1-delays.md", risk, add("mitigation", "Check hourly."))).toBe(risk.replace("  and watch it.\n", "  and watch it.\n* Check hourly.\n"));
  });

  it("numbers an ordered list on and keeps a loose list loose", () => {
    expect(changed("risks/R1-delays.md", risk, add("contingency", "Ask for help."))).toBe(risk.replace("2. Move the end date.\n", "2. Move the end date.\n\n3. Ask for help.\n"));
  });

  it("indents the continuation lines of a multi-line entry under its marker", () => {
    expect(changed("risks/R1-delays.md", risk, add("mitigation", "Pair:\nall day."))).toBe(risk.replace("  and watch it.\n", "  and watch it.\n* Pair:\n  all day.\n"));
  });

  it("fills an empty list section and replaces a text section's body", () => {
    expect(changed("risks/R1-delays.md", risk, add("workstreams", "TD2"))).toBe(`${risk}\n- TD2\n`);
    expect(changed("risks/R1-delays.md", risk, set("current_status", "Half done.\n\nOn track."))).toBe(risk.replace("Not started.", "Half done.\n\nOn track."));
  });

  it("escapes an entry of a plain list section that would read as markup, and takes an items entry as Markdown", () => {
    // `workstreams` is read as plain text (markup dropped): the serialiser escapes what would be markup.
    expect(changed("risks/R1-delays.md", risk, add("workstreams", "# *TD2* <b> `x` 1. y"))).toBe(risk + "\n- \\# \\*TD2\\* \\<b> \\`x\\` 1. y\n");
    // `mitigation` holds Markdown items: the entry goes in as given.
    expect(changed("risks/R1-delays.md", risk, add("mitigation", "Run `make *check*`."))).toBe(risk.replace("  and watch it.\n", "  and watch it.\n* Run `make *check*`.\n"));
  });

  it("adds a missing Markdown field as a new section at the end", () => {
    expect(changed("risks/R1-delays.md", risk, set("impact", "Everything slips."))).toBe(`${risk}\n## Impact\n\nEverything slips.\n`);
  });

  it("changes the first line of an ADR's `## Status` section, keeping the link lines after it", () => {
    const adr = lines("# 5. Invalidate", "", "## Status", "", "Accepted", "", "Amends [3. Cache](0003-cache.md)", "", "## Context", "", "x");
    expect(changed("decisions/0005-invalidate.md", adr, set("status", "deprecated"))).toBe(adr.replace("\nAccepted\n", "\ndeprecated\n"));
    const listed = lines("# 5. Invalidate", "", "## Status", "", "- Accepted", "- Amends [3. Cache](0003-cache.md)");
    expect(changed("decisions/0005-invalidate.md", listed, set("status", "rejected"))).toBe(listed.replace("- Accepted", "- rejected"));
  });

  it("replaces a rich section (Impact, Consequences) as Markdown", () => {
    const adr = lines("# 1. X", "", "## Consequences", "", "### Positive", "", "- Fast.", "", "## Notes", "", "n");
    expect(changed("decisions/0001-x.md", adr, set("consequences", "Slower, but safer."))).toBe(adr.replace("### Positive\n\n- Fast.", "Slower, but safer."));
  });
});

describe("title", () => {
  it("replaces the name or the id in `# ID: Name`, and an ADR number keeps its padding", () => {
    const ws = lines("---", "days: 1", "---", "", "# TD2: Config Management", "");
    expect(changed(WS, ws, set("name", "Config Foundation"))).toBe(ws.replace("Config Management", "Config Foundation"));
    expect(changed(WS, ws, set("id", "TD9"))).toBe(ws.replace("# TD2:", "# TD9:"));
    const adr = lines("# 0003. Config First", "", "Text.");
    expect(changed("decisions/x.md", adr, set("number", "12"))).toBe(adr.replace("0003", "0012"));
    expect(changed("sessions/2025-10-16-x.md", lines("# Session: Setup"), set("title", "Kick-off"))).toBe(lines("# Session: Kick-off"));
  });

  it("changes a title that shows the value it had, when the value is written elsewhere (front matter, a key-value line)", () => {
    const ws = lines("---", "id: TD2", "name: Config Management", "days: 1", "---", "", "# TD2: Config Management", "");
    expect(changed(WS, ws, set("name", "Config Foundation"))).toBe(ws.replaceAll("Config Management", "Config Foundation"));
    expect(changed(WS, ws, set("id", "TD9"))).toBe(ws.replace("id: TD2", "id: TD9").replace("# TD2:", "# TD9:"));
    const adr = lines("---", "title: Use REST", "---", "", "# 2. Use REST", "");
    expect(changed("decisions/0002-x.md", adr, set("title", "Use GraphQL"))).toBe(adr.replaceAll("Use REST", "Use GraphQL"));
    const risk = lines("# R1: Late Config", "", "**Title:** Late Config", "**Severity:** high");
    expect(changed("risks/R1-x.md", risk, set("title", "Config Late"))).toBe(risk.replaceAll("Late Config", "Config Late"));
  });

  it("leaves a title that shows something else as written", () => {
    const ws = lines("---", "id: TD2", "name: Config Management", "days: 1", "---", "", "# Configuration work", "");
    expect(changed(WS, ws, set("name", "Config Foundation"))).toBe(ws.replace("name: Config Management", "name: Config Foundation"));
    const other = lines("---", "id: TD2", "name: Config Management", "days: 1", "---", "", "# TD2: Config (older name)", "");
    expect(changed(WS, other, set("name", "Config Foundation"))).toBe(other.replace("name: Config Management", "name: Config Foundation"));
  });
});

describe("tables", () => {
  const waves = lines(
    "# Waves",
    "",
    "| Wave | Name | Branch | Workstreams | Coverage |",
    "| --- | --- | --- | --- | --- |",
    "| 1 | Config | `integration/wave1` | TD2 | 55 |",
    "| 2 | Errors | `integration/wave2` | TD1, TD4 |  |",
    "",
    "## Rollback",
    "",
    "Reset.",
  );

  it("sets a cell, keeping inline code, and appends to a comma-separated cell", () => {
    expect(changed("waves.md", waves, set("branch", "integration/w2"), 1)).toBe(waves.replace("`integration/wave2`", "`integration/w2`"));
    expect(changed("waves.md", waves, add("workstreams", "WS1"), 1)).toBe(waves.replace("TD1, TD4", "TD1, TD4, WS1"));
    expect(changed("waves.md", waves, set("name", "A | B"), 0)).toBe(waves.replace("| Config |", "| A \\| B |"));
  });

  it("fills an empty cell of the field's column", () => {
    expect(changed("waves.md", waves, set("coverage", "60"), 1)).toBe(waves.replace("| TD1, TD4 |  |", "| TD1, TD4 | 60 |"));
  });

  it("refuses a field without a column, and a section shared by every row", () => {
    expect(refused("waves.md", waves, set("day", "3"))).toBe("write-no-place: the table in plan/waves.md has no `Day` column for this row (Add the column to the table by hand, then set the value.)");
    expect(refused("waves.md", waves, set("rollback", "x"))).toMatch(/^write-shared-field: `rollback` is written once for every row of plan\/waves.md/);
  });
});

describe("checks", () => {
  const ws = lines("---", "id: TD2", "days: 1", "status: planned", "---", "", "# TD2: X", "", "## Next Steps", "", "x");

  it("refuses an unknown field, with the nearest name", () => {
    expect(refused(WS, ws, set("stauts", "done"))).toBe("write-unknown-field: a workstream has no field `stauts` (Did you mean `status`?)");
  });

  it("refuses a value of the wrong type, with the message validate gives", () => {
    expect(refused(WS, ws, set("status", "mergd"))).toBe("write-invalid-value: new value: `status` is `mergd`, expected one of: planned, in progress, blocked, done, merged (Did you mean `merged`?)");
    expect(refused(WS, ws, set("days", "two"))).toMatch(/^write-invalid-value: new value: `days` is `two`: expected a number of days/);
    expect(refused(WS, ws, set("wave", "1\n2"))).toMatch(/^write-invalid-value: `wave` must be one line/);
    expect(refused("decisions/0001-x.md", lines("# 1. X"), set("status", "maybe"))).toMatch(/^write-invalid-value: new value: decision status `maybe` is not one of/);
  });

  it("refuses to add to a field that is not a list, and to edit a table or subsections field", () => {
    expect(refused(WS, ws, add("status", "done"))).toBe("write-not-a-list: `status` is not a list; entries can only be added to lists (Use `paraplan set` to change `status`.)");
    expect(refused(WS, ws, add("depends_on", "TD1, TD3"))).toMatch(/^write-invalid-value: the new entry of `depends_on` holds a comma/);
    expect(refused("sessions/2025-10-16-x.md", lines("# Session: X"), set("next_priorities", "x"))).toMatch(/^write-unsupported: `next_priorities` is a list of `###` subsections/);
  });

  it("refuses a change that would read back differently, and writes nothing", () => {
    // A value that looks like a heading would end the section.
    expect(refused(WS, ws, set("notes", "## Not a note"))).toMatch(/^write-read-back: the change was not made: /);
  });

  it("says when there is nothing to change", () => {
    expect(edit(WS, ws, set("status", "Planned"))).toEqual({ status: "unchanged", field: "status", value: "planned" });
    expect(edit(WS, lines("---", "id: TD2", "days: 1", "depends_on: [TD1]", "---"), add("depends_on", "TD1"))).toEqual({ status: "unchanged", field: "depends_on", value: ["TD1"] });
  });

  it("lowercases an enum value as the model reads it", () => {
    expect(changed(WS, ws, set("status", "Merged"))).toBe(ws.replace("status: planned", "status: merged"));
  });
});

describe("whole lists and remove (#17.12)", () => {
  const ws = lines("---", "id: TD2", "days: 1", "depends_on: [TD1, TD3]", "owns:", "  - a.py # first", "  - b.py", "---", "", "# TD2: X", "", "## Deliverables", "", "- One.", "- Two.", "- Three.");
  const project = lines("---", "name: P", "---", "", "# P", "", "## Goals", "", "1. Ship.", "2. Learn.", "3. Rest.");

  it("refuses to set a list that has entries without replace, pointing at add and remove", () => {
    expect(refused("project.md", project, set("goals", "x"))).toBe(
      "write-needs-replace: `goals` has 3 entries; setting it would replace them all (Use `paraplan add` or `paraplan remove` to change one entry, or pass --replace to replace the whole list.)",
    );
    expect(refused(WS, ws, set("depends_on", "TD4"))).toMatch(/^write-needs-replace: `depends_on` has 2 entries/);
    // An empty or absent list, and the same list, need no --replace.
    expect(changed(WS, lines("---", "id: TD2", "days: 1", "touches: []", "---"), set("touches", "c.py"))).toBe(lines("---", "id: TD2", "days: 1", "touches: [c.py]", "---"));
    expect(edit(WS, ws, set("depends_on", "TD1, TD3")).status).toBe("unchanged");
    expect(changed("project.md", project, replace("goals", "x"))).toBe(project.replace("1. Ship.\n2. Learn.\n3. Rest.", "1. x"));
  });

  it("removes one entry where it is written: a flow list, a block list, a section list", () => {
    expect(changed(WS, ws, remove("depends_on", "TD1"))).toBe(ws.replace("depends_on: [TD1, TD3]", "depends_on: [TD3]"));
    expect(changed(WS, ws, remove("owns", "b.py"))).toBe(ws.replace("  - b.py\n", ""));
    expect(changed(WS, ws, remove("deliverables", "Two."))).toBe(ws.replace("- Two.\n", ""));
    expect(changed("project.md", project, remove("goals", "Ship."))).toBe(project.replace("1. Ship.\n2. Learn.\n3. Rest.", "1. Learn.\n2. Rest."));
  });

  it("removes from a comma-separated key-value line and table cell", () => {
    const kv = lines("# TD3: Client", "", "**Days:** 2", "**Depends On:** TD1, TD2", "", "## Goal", "", "x");
    expect(changed("workstreams/TD3-client.md", kv, remove("depends_on", "TD1"))).toBe(kv.replace("TD1, TD2", "TD2"));
    const waves = lines("# Waves", "", "| Wave | Name | Workstreams |", "| --- | --- | --- |", "| 1 | Config | TD1, TD2, TD4 |");
    expect(changed("waves.md", waves, remove("workstreams", "TD2"))).toBe(waves.replace("TD1, TD2, TD4", "TD1, TD4"));
  });

  it("refuses an entry the list does not have, listing those it has, and a field that is not a list", () => {
    expect(refused(WS, ws, remove("depends_on", "TD9"))).toBe("write-no-such-entry: `depends_on` has no entry `TD9` (Its entries: `TD1`, `TD3`.)");
    expect(refused(WS, ws, remove("days", "1"))).toBe("write-not-a-list: `days` is not a list; entries can only be removed from lists (Use `paraplan set` to change `days`.)");
  });
});

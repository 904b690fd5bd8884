import { describe, expect, it } from "vitest";
import type { RichSection } from "../../src/parse/raw-record.js";
import type { Subsection } from "../../src/model/types.js";
import { field, lines, only, parse, showAll, span } from "./helpers.js";

const values = (record: ReturnType<typeof only>) => Object.fromEntries([...record.fields].map(([name, f]) => [name, f.value]));
const sources = (record: ReturnType<typeof only>) => Object.fromEntries([...record.fields].map(([name, f]) => [name, f.source]));

describe("the `# Title`", () => {
  it("gives a workstream's id and name with `# TD2: Config Management`", () => {
    const record = only(parse("workstreams/TD2-config.md", lines("# TD2: Config Management", "", "**Days:** 2")));
    expect(values(record)).toEqual({ id: "TD2", name: "Config Management", days: "2" });
    expect(sources(record)).toEqual({ id: "title", name: "title", days: "key-value" });
    expect(span(field(record, "id").at)).toBe("1:1-1:25");
  });

  it("accepts a dash or an em dash between id and name", () => {
    expect(values(only(parse("workstreams/a.md", lines("# WS1 - Vector Store"))))).toEqual({ id: "WS1", name: "Vector Store" });
    expect(values(only(parse("workstreams/a.md", lines("# WS1 — Vector Store"))))).toEqual({ id: "WS1", name: "Vector Store" });
  });

  it("gives only the name when the title has no id", () => {
    expect(values(only(parse("workstreams/a.md", lines("# Vector Store"))))).toEqual({ name: "Vector Store" });
  });

  it("gives a risk's id and title", () => {
    expect(values(only(parse("risks/R1-x.md", lines("# R1: TD2 Delays Block Everything"))))).toEqual({ id: "R1", title: "TD2 Delays Block Everything" });
  });

  it("gives an ADR's number and title with `# 3. Title` (and `ADR-3:`)", () => {
    expect(values(only(parse("decisions/0003-x.md", lines("# 3. Config Management on the Critical Path"))))).toEqual({ number: 3, title: "Config Management on the Critical Path" });
    expect(values(only(parse("decisions/0003-x.md", lines("# ADR-0012: Use Git Worktrees"))))).toEqual({ number: 12, title: "Use Git Worktrees" });
    expect(values(only(parse("decisions/0003-x.md", lines("# Use Git Worktrees"))))).toEqual({ title: "Use Git Worktrees" });
  });

  it("strips `Session:` from a session's title", () => {
    expect(values(only(parse("sessions/2025-10-16-x.md", lines("# Session: Parallel Execution Strategy Setup"))))).toEqual({ title: "Parallel Execution Strategy Setup" });
    expect(values(only(parse("sessions/2025-10-16-x.md", lines("# Planning Day"))))).toEqual({ title: "Planning Day" });
  });

  it("gives the name of a project, an agent and a gate", () => {
    expect(values(only(parse("project.md", lines("# autoD"))))).toEqual({ name: "autoD" });
    expect(values(only(parse("agents/python-pro.md", lines("# Python Pro"))))).toEqual({ name: "Python Pro" });
    expect(values(only(parse("gates/tests.md", lines("# All tests pass"))))).toEqual({ name: "All tests pass" });
  });

  it("gives way, silently, to the same field written anywhere else", () => {
    const record = only(parse("workstreams/TD2-config.md", lines("---", "id: TD2", "name: Configuration", "---", "", "# TD9: Something Else")));
    expect(values(record)).toEqual({ id: "TD2", name: "Configuration" });
    expect(sources(record)).toEqual({ id: "front-matter", name: "front-matter" });
  });

  it("uses only the first `#` heading; a later one is kept as extra text", () => {
    const record = only(parse("agents/a.md", lines("# First", "", "# Second")));
    expect(values(record)).toEqual({ name: "First" });
    expect(record.extras.map((e) => e.body)).toEqual(["# Second"]);
  });
});

describe("key-value lines before the first `##`", () => {
  it("reads `**Key:** value` lines, one per paragraph line, with key and value positions", () => {
    const text = lines("# Session: Setup", "", "**Date:** 2025-10-16", "**Duration:** ~3 hours", "**Session Type:** Planning & Setup", "**Status:** Day 0 complete");
    const record = only(parse("sessions/2025-10-16-setup.md", text));
    expect(values(record)).toEqual({ title: "Setup", date: "2025-10-16", duration: "~3 hours", type: "Planning & Setup", status: "Day 0 complete" });
    expect(field(record, "type").key).toBe("Session Type");
    expect(span(field(record, "date").keyAt)).toBe("3:3-3:7");
    expect(span(field(record, "date").at)).toBe("3:11-3:21");
    expect(span(field(record, "type").at)).toBe("5:19-5:35");
    expect(record.extras).toEqual([]);
  });

  it("reads `**Key**: value` and `__Key:__ value` too", () => {
    expect(values(only(parse("workstreams/a.md", lines("**Id**: TD1", "__Days:__ 2"))))).toEqual({ id: "TD1", days: "2" });
  });

  it("reads MADR bullets `* Status: accepted` and bold bullets `- **Date:** …`", () => {
    const record = only(parse("decisions/0002-x.md", lines("# 2. Waves", "", "* Status: accepted", "* Deciders: User, Claude", "- **Date:** 2025-10-16")));
    expect(values(record)).toEqual({ number: 2, title: "Waves", status: "accepted", deciders: "User, Claude", date: "2025-10-16" });
    expect(span(field(record, "status").keyAt)).toBe("3:3-3:9");
    expect(span(field(record, "status").at)).toBe("3:11-3:19");
    expect(span(field(record, "date").at)).toBe("5:13-5:23");
  });

  it("treats keys case-insensitively: `**Date:**` and front-matter `date` are the same field, given twice", () => {
    const parsed = parse("sessions/2025-10-16-x.md", lines("---", "date: 2025-10-16", "---", "", "**Date:** 2025-10-17"));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/sessions/2025-10-16-x.md:5:3",
        severity: "error",
        code: "duplicate-field",
        message: "field `date` is given twice (first as front matter)",
        hint: "Keep one of the two; a field may be written in only one place.",
        related: ["plan/sessions/2025-10-16-x.md:2:1 first given here"],
      },
    ]);
    expect(field(only(parsed), "date").value).toBe("2025-10-16");
  });

  it("names the first place of a field given twice in key-value lines", () => {
    const parsed = parse("workstreams/a.md", lines("* Status: active", "* Status: done"));
    expect(showAll(parsed.diagnostics).map((d) => [d.at, d.message, d.related])).toEqual([
      ["plan/workstreams/a.md:2:3", "field `status` is given twice (first as a key-value line)", ["plan/workstreams/a.md:1:3 first given here"]],
    ]);
  });

  it("leaves a paragraph alone when any of its lines is not a key-value line", () => {
    const record = only(parse("workstreams/a.md", lines("# TD1: A", "", "**Status:** active", "and some prose.")));
    expect(values(record)).toEqual({ id: "TD1", name: "A" });
    expect(record.extras).toEqual([expect.objectContaining({ heading: "", body: "**Status:** active\nand some prose." })]);
  });

  it("never reads fields out of fenced code blocks, before or inside sections", () => {
    const text = lines("# TD1: A", "", "```", "**Status:** done", "status: done", "* Status: done", "```", "", "## Notes", "", "~~~yaml", "status: done", "**Priority:** low", "~~~");
    const parsed = parse("workstreams/a.md", text);
    const record = only(parsed);
    expect(parsed.diagnostics).toEqual([]);
    expect(record.fields.has("status")).toBe(false);
    expect(record.fields.has("priority")).toBe(false);
    expect(record.extras.map((e) => e.body)).toEqual(["```\n**Status:** done\nstatus: done\n* Status: done\n```"]);
    expect(field(record, "notes").value).toBe("~~~yaml\nstatus: done\n**Priority:** low\n~~~");
  });

  it("reads no key-value lines after the first `##`", () => {
    const record = only(parse("workstreams/a.md", lines("# TD1: A", "", "## Notes", "", "**Status:** done")));
    expect(record.fields.has("status")).toBe(false);
    expect(field(record, "notes").value).toBe("**Status:** done");
  });

  it("keeps unknown keys as unknown fields, warning only about likely typos", () => {
    const parsed = parse("workstreams/a.md", lines("---", "id: TD1", "priorty: high", "reviewer: Ana", "---"));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/a.md:3:1",
        severity: "warning",
        code: "unknown-field",
        message: "unknown workstream field `priorty`; did you mean `priority`?",
        hint: "Rename it to `priority`; unknown fields are kept but not used.",
      },
    ]);
    expect(only(parsed).unknown.map((u) => [u.name, u.value])).toEqual([
      ["priorty", "high"],
      ["reviewer", "Ana"],
    ]);
  });

  it("makes a misspelt field the schedule reads an error, in front matter, key-value lines, sections and wave tables", () => {
    const front = parse("workstreams/a.md", lines("---", "id: TD1", "depnds_on: [TD2]", "---"));
    expect(showAll(front.diagnostics)).toEqual([
      {
        at: "plan/workstreams/a.md:3:1",
        severity: "error",
        code: "misspelled-schedule-field",
        message: "unknown workstream field `depnds_on`; did you mean `depends_on`? The schedule reads `depends_on`: misspelt, it would be ignored and the computed days would change without notice",
        hint: "Rename it to `depends_on`.",
      },
    ]);
    // The misspelt value is still kept, as any unknown field is.
    expect(only(front).unknown.map((u) => u.name)).toEqual(["depnds_on"]);
    const keyValue = parse("workstreams/a.md", lines("# TD1: A", "", "**Dayss:** 3", "", "**Wavee:** 2"));
    expect(showAll(keyValue.diagnostics).map((d) => [d.at, d.severity, d.code])).toEqual([
      // At the key inside `**…:**`.
      ["plan/workstreams/a.md:3:3", "error", "misspelled-schedule-field"],
      ["plan/workstreams/a.md:5:3", "error", "misspelled-schedule-field"],
    ]);
    const section = parse("workstreams/a.md", lines("# TD1: A", "", "## Strat", "", "3"));
    expect(showAll(section.diagnostics).map((d) => [d.at, d.severity, d.code, d.hint])).toEqual([["plan/workstreams/a.md:3:1", "error", "misspelled-schedule-field", "Rename the heading."]]);
    const waves = parse("waves.md", lines("| Wave | Dya | Workstreams |", "| --- | --- | --- |", "| 1 | 2 | TD1 |"));
    expect(showAll(waves.diagnostics).map((d) => [d.severity, d.code, d.message.slice(0, 47)])).toEqual([["error", "misspelled-schedule-field", "unknown wave field `Dya`; did you mean `day`? T"]]);
  });

  it("keeps a typo of a field the schedule does not read a warning, even when another kind's field of that name counts", () => {
    // A risk's `status` and an agent's `name` do not move any day.
    const risk = parse("risks/R1-x.md", lines("---", "id: R1", "stauts: open", "---"));
    expect(showAll(risk.diagnostics).map((d) => [d.severity, d.code])).toEqual([["warning", "unknown-field"]]);
    const ws = parse("workstreams/a.md", lines("# TD1: A", "", "## Deliverabels", "", "- a"));
    expect(showAll(ws.diagnostics).map((d) => [d.severity, d.code])).toEqual([["warning", "unknown-section"]]);
  });
});

describe("`##` sections, read by the field's type", () => {
  it("keeps a text section byte for byte: code, tables, hard breaks, HTML, nested lists", () => {
    const body = [
      "Replace the 21 variables  ",
      "with one `Config` class.\\",
      "Second line *emphasis* and <abbr>HTML</abbr>.",
      "",
      "```bash",
      "pytest tests/ -v   # trailing spaces stay   ",
      "",
      "",
      "mypy src/",
      "```",
      "",
      "| a | b |",
      "|---|:-:|",
      "| 1 | 2 |",
      "",
      "- one",
      "    - nested",
      "",
      "<!-- a comment -->",
      "",
      "### A subheading",
      "",
      "Tab\there.",
    ].join("\n");
    const text = `# TD1: A\n\n## Goal\n\n${body}\n\n\n## Notes\n\nEnd.\n`;
    const record = only(parse("workstreams/a.md", text));
    expect(field(record, "goal").value).toBe(body);
    expect(field(record, "goal").source).toBe("section");
    expect(field(record, "notes").value).toBe("End.");
    expect(span(field(record, "goal").keyAt)).toBe("3:1-3:8");
  });

  it("matches headings to fields whatever their case, spacing and punctuation", () => {
    const record = only(parse("workstreams/a.md", lines("## OUT OF   SCOPE", "", "- a", "", "## Quality-Gates:", "", "- b")));
    expect(values(record)).toEqual({ out_of_scope: ["a"], quality_gates: ["b"] });
  });

  it("reads an items section as one Markdown entry per top-level item, ordered or not, continuation lines de-indented", () => {
    const text = lines(
      "## Deliverables", //                 1
      "", //                                2
      "- A single `Config` class in", //     3
      "  `src/config.py`.", //              4
      "- Tests:", //                        5
      "  - unit", //                        6
      "  - integration", //                 7
      "", //                                8
      "## Quality Gates", //                9
      "", //                               10
      "1. `pytest -q` passes.", //         11
      "2. `mypy src/` is clean.", //       12
    );
    const record = only(parse("workstreams/a.md", text));
    const deliverables = field(record, "deliverables");
    expect(deliverables.value).toEqual(["A single `Config` class in\n`src/config.py`.", "Tests:\n- unit\n- integration"]);
    expect(deliverables.items?.map((i) => span(i.at))).toEqual(["3:1-4:19", "5:1-7:16"]);
    expect(field(record, "quality_gates").value).toEqual(["`pytest -q` passes.", "`mypy src/` is clean."]);
  });

  it("reads a list section as plain values, inline code marks dropped", () => {
    const record = only(parse("sessions/2025-10-16-x.md", lines("## Decisions", "", "- 0001", "- `0002`", "* [0003](../decisions/0003-x.md)")));
    expect(field(record, "decisions").value).toEqual(["0001", "0002", "0003"]);
    expect(field(record, "decisions").items?.map((i) => span(i.at))).toEqual(["3:1-3:7", "4:1-4:9", "5:1-5:33"]);
  });

  it("reads a table section as one object per row, keyed by normalised header, inline code and padding dropped", () => {
    const text = lines(
      "---",
      "name: demo",
      "---",
      "",
      "## Resolution Protocol",
      "",
      "| File | Rule (who wins) |",
      "| --- | --- |",
      "| `src/config.py` | TD2's version wins. |",
      "| src/a.py, src/b.py | **Merge** both, a \\| b. |",
    );
    const record = only(parse("project.md", text));
    const table = field(record, "resolution_protocol");
    expect(table.value).toEqual([
      { file: "src/config.py", rule_who_wins: "TD2's version wins." },
      { file: "src/a.py, src/b.py", rule_who_wins: "**Merge** both, a | b." },
    ]);
    expect(table.items?.map((i) => span(i.at))).toEqual(["9:1-9:42", "10:1-10:49"]);
  });

  it("warns about text around a table, a list or subsections, and keeps that text as an extra", () => {
    const parsed = parse("workstreams/a.md", lines("## Deliverables", "", "Before the list.", "", "- a", "", "After."));
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/a.md:3:1",
        severity: "warning",
        code: "section-shape",
        message: "section `Deliverables` is read as a list; the text around it is not part of the field",
        hint: "Move that text into a list item, or into a `## Notes` section; it is kept as extra text.",
      },
    ]);
    const record = only(parsed);
    expect(field(record, "deliverables").value).toEqual(["a"]);
    expect(record.extras.map((e) => [e.heading, e.body])).toEqual([["Deliverables", "Before the list.\n\n- a\n\nAfter."]]);
  });

  it("reads a table field without a table as empty, keeping the text", () => {
    const parsed = parse("project.md", lines("---", "name: demo", "---", "## Resolution Protocol", "", "TD2 always wins."));
    expect(showAll(parsed.diagnostics).map((d) => `${d.at} ${d.code} ${d.message}`)).toEqual([
      "plan/project.md:6:1 section-shape section `Resolution Protocol` is read as a table; the text around it is not part of the field",
    ]);
    expect(field(only(parsed), "resolution_protocol").value).toEqual([]);
  });

  it("reads a key-value section from `- **Key:** v`, `- Key: v` and `**Key:** v` lines", () => {
    const text = lines("## Statistics", "", "- **Files created:** 12", "- Lines: 1,700", "", "**Worktrees:** 7");
    const stats = field(only(parse("sessions/2025-10-16-x.md", text)), "statistics");
    expect(stats.value).toEqual([
      { key: "Files created", value: "12" },
      { key: "Lines", value: "1,700" },
      { key: "Worktrees", value: "7" },
    ]);
    expect(stats.items?.map((i) => span(i.at))).toEqual(["3:22-3:24", "4:10-4:15", "6:16-6:17"]);
  });

  it("reads subsections: title, verbatim body, key-value lines and list items of each `###` block", () => {
    const text = lines(
      "## Next 3 Priorities",
      "",
      "### Priority 1: Launch the Day 1 Sessions",
      "",
      "**Owner:** User (Project Manager)",
      "**Status:** Ready to execute",
      "",
      "- open four tabs",
      "- paste the prompts",
      "",
      "```bash",
      "claude",
      "```",
      "",
      "### Priority 2: Merge Wave 1",
      "",
      "- **Owner:** TD2 agent",
      "- **Timeline:** Day 2",
    );
    const record = only(parse("sessions/2025-10-16-x.md", text));
    const next = field(record, "next_priorities");
    expect(next.key).toBe("Next 3 Priorities");
    const entries = next.value as Subsection[];
    expect(entries.map((e) => ({ title: e.title, body: e.body, fields: e.fields, items: e.items, rest: e.rest }))).toEqual([
      {
        title: "Priority 1: Launch the Day 1 Sessions",
        body: "**Owner:** User (Project Manager)\n**Status:** Ready to execute\n\n- open four tabs\n- paste the prompts\n\n```bash\nclaude\n```",
        fields: [
          { key: "Owner", value: "User (Project Manager)" },
          { key: "Status", value: "Ready to execute" },
        ],
        items: ["open four tabs", "paste the prompts"],
        rest: "- open four tabs\n- paste the prompts\n\n```bash\nclaude\n```",
      },
      {
        title: "Priority 2: Merge Wave 1",
        body: "- **Owner:** TD2 agent\n- **Timeline:** Day 2",
        fields: [
          { key: "Owner", value: "TD2 agent" },
          { key: "Timeline", value: "Day 2" },
        ],
        items: [],
        rest: "",
      },
    ]);
    expect(span(entries[1]!.at)).toBe("15:1-18:22");
  });

  it("reads consequences as `### Positive` / `### Negative` lists", () => {
    const text = lines("## Consequences", "", "### Positive", "", "* Less risk.", "* Early blockers.", "", "### Negative", "", "* Five merges.");
    const value = field(only(parse("decisions/0002-x.md", text)), "consequences").value as RichSection;
    expect(value).toEqual({ text: "", items: [], subsections: [], positive: ["Less risk.", "Early blockers."], negative: ["Five merges."] });
  });

  it("reads consequences written as text as text", () => {
    const text = lines("## Consequences", "", "Everything gets **easier**,", "mostly.");
    const value = field(only(parse("decisions/0002-x.md", text)), "consequences").value as RichSection;
    expect(value).toEqual({ text: "Everything gets **easier**,\nmostly.", items: [], subsections: [] });
  });

  it("keeps the intro of a consequences section and subsections other than Positive/Negative", () => {
    const text = lines("## Consequences", "", "Overall good.", "", "### Positive Outcomes", "", "- fast", "", "### Neutral", "", "- none");
    const value = field(only(parse("decisions/0002-x.md", text)), "consequences").value as RichSection;
    expect(value.text).toBe("Overall good.");
    expect(value.positive).toEqual(["fast"]);
    expect(value.negative).toBeUndefined();
    expect(value.subsections?.map((s) => s.title)).toEqual(["Neutral"]);
  });

  it("reads text-or-items sections both ways", () => {
    const asList = field(only(parse("risks/R1-x.md", lines("## Impact", "", "- TD1 waits.", "- WS2 waits."))), "impact").value;
    expect(asList).toEqual({ text: "- TD1 waits.\n- WS2 waits.", items: ["TD1 waits.", "WS2 waits."] });
    const asText = field(only(parse("risks/R1-x.md", lines("## Impact", "", "Everything slips."))), "impact").value;
    expect(asText).toEqual({ text: "Everything slips.", items: [] });
  });

  it("accepts MADR headings as aliases", () => {
    const text = lines("## Context and Problem Statement", "", "Why.", "", "## Decision Outcome", "", "What.", "", "## Considered Options", "", "* Big bang");
    // Considered Options is a list or text, whichever the author wrote: both shapes are kept.
    expect(values(only(parse("decisions/0001-x.md", text)))).toEqual({ context: "Why.", decision: "What.", alternatives_considered: { text: "* Big bang", items: ["Big bang"] } });
  });

  it("keeps an unknown section verbatim as an extra, warning only when it looks like a typo", () => {
    const text = lines("# TD1: A", "", "## Deliverabels", "", "- a", "", "## Monitoring", "", "Check `progress.md`.");
    const parsed = parse("workstreams/a.md", text);
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/a.md:3:1",
        severity: "warning",
        code: "unknown-section",
        message: "unknown workstream section `Deliverabels`; did you mean `deliverables`?",
        hint: "Rename the heading; unknown sections are kept and rendered as extra text.",
      },
    ]);
    const record = only(parsed);
    expect(record.fields.has("deliverables")).toBe(false);
    expect(record.extras.map((e) => [e.heading, e.body, span(e.at)])).toEqual([
      ["Deliverabels", "- a", "3:1-5:4"],
      ["Monitoring", "Check `progress.md`.", "7:1-9:21"],
    ]);
  });

  it("reports a section that repeats a field written elsewhere", () => {
    const parsed = parse("workstreams/a.md", lines("---", "goal: Be quick.", "---", "", "## Goal", "", "Be thorough."));
    expect(showAll(parsed.diagnostics).map((d) => [d.at, d.code, d.message, d.related])).toEqual([
      ["plan/workstreams/a.md:5:1", "duplicate-field", "field `goal` is given twice (first as front matter)", ["plan/workstreams/a.md:2:1 first given here"]],
    ]);
  });

  it("keeps text between the title and the first section, and the preamble's pieces in order", () => {
    const record = only(parse("workstreams/a.md", lines("# TD1: A", "", "Intro paragraph.", "", "**Days:** 2", "", "> A quote.", "", "## Goal", "", "G.")));
    expect(values(record)).toMatchObject({ days: "2", goal: "G." });
    expect(record.extras.map((e) => [e.heading, e.body, span(e.at)])).toEqual([["", "Intro paragraph.\n\n> A quote.", "3:1-7:11"]]);
  });
});

describe("collections written as one file with a table", () => {
  const WAVES = lines(
    "# Integration Waves", //                                               1
    "", //                                                                  2
    "Waves merge in order.", //                                             3
    "", //                                                                  4
    "| Wave | Name | Day | Workstreams | Gates | Branch |", //             5
    "| --- | --- | --- | --- | --- | --- |", //                            6
    "| 1 | Config | 2 | TD2 | tests, types | `integration/wave1` |", //     7
    "| 2 | | 3 | `TD1`, TD4 | tests | |", //                                8
    "", //                                                                  9
    "## Merge Procedure", //                                               10
    "", //                                                                 11
    "Merge with `--no-ff`.", //                                            12
    "", //                                                                 13
    "## Rollback", //                                                      14
    "", //                                                                 15
    "`git merge --abort`", //                                              16
  );

  it("makes one record per row, cells as fields, empty cells left out", () => {
    const parsed = parse("waves.md", WAVES);
    expect(parsed).toMatchObject({ kind: "wave", shape: "table", diagnostics: [] });
    expect(parsed.records.map((r) => values(r))).toEqual([
      { wave: "1", name: "Config", day: "2", workstreams: "TD2", gates: "tests, types", branch: "integration/wave1", merge_procedure: "Merge with `--no-ff`.", rollback: "`git merge --abort`" },
      { wave: "2", day: "3", workstreams: "TD1, TD4", gates: "tests", merge_procedure: "Merge with `--no-ff`.", rollback: "`git merge --abort`" },
    ]);
    expect(parsed.records.map((r) => span(r.at))).toEqual(["7:1-7:62", "8:1-8:35"]);
    expect(parsed.records.map((r) => r.stem)).toEqual(["waves", "waves"]);
  });

  it("gives each cell the position of its content, and each header the position of its text", () => {
    const [first, second] = parse("waves.md", WAVES).records;
    expect(span(field(first!, "name").at)).toBe("7:7-7:13");
    expect(span(field(first!, "name").keyAt)).toBe("5:10-5:14");
    expect(span(field(first!, "branch").at)).toBe("7:41-7:60");
    expect(span(field(second!, "workstreams").at)).toBe("8:13-8:23");
    expect(field(second!, "workstreams").items?.map((i) => [i.value, span(i.at)])).toEqual([
      ["TD1", "8:14-8:17"],
      ["TD4", "8:20-8:23"],
    ]);
    expect(field(first!, "gates").items?.map((i) => [i.value, span(i.at)])).toEqual([
      ["tests", "7:26-7:31"],
      ["types", "7:33-7:38"],
    ]);
  });

  it("applies the shared sections to every row and keeps the introduction once, on the first record", () => {
    const [first, second] = parse("waves.md", WAVES).records;
    expect(first!.extras.map((e) => e.body)).toEqual(["Waves merge in order."]);
    expect(second!.extras).toEqual([]);
    expect(field(second!, "rollback").at).toEqual(field(first!, "rollback").at);
  });

  it("applies front matter and key-value lines before the table to every row", () => {
    const text = lines("---", "coverage: 80", "---", "", "**Gates:** tests", "", "| Wave | Workstreams |", "| --- | --- |", "| 1 | TD1 |", "| 2 | TD2 |");
    const parsed = parse("waves.md", text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.records.map((r) => values(r))).toEqual([
      { coverage: 80, gates: "tests", wave: "1", workstreams: "TD1" },
      { coverage: 80, gates: "tests", wave: "2", workstreams: "TD2" },
    ]);
  });

  it("reports a cell that repeats a field of the front matter", () => {
    const parsed = parse("gates.md", lines("---", "command: make test", "---", "", "| Id | Command |", "| --- | --- |", "| tests | `pytest` |"));
    expect(showAll(parsed.diagnostics).map((d) => [d.at, d.code, d.message, d.related])).toEqual([
      ["plan/gates.md:5:8", "duplicate-field", "field `command` is given twice (first as front matter)", ["plan/gates.md:2:1 first given here"]],
    ]);
  });

  it("finds the table inside the first section when the preamble has none", () => {
    const text = lines("# Gates", "", "## All Gates", "", "| Id | Command | Applies To |", "| --- | --- | --- |", "| tests | `pytest` | all |");
    const parsed = parse("gates.md", text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.records.map((r) => values(r))).toEqual([{ id: "tests", command: "pytest", applies_to: "all" }]);
  });

  it("uses the first table only", () => {
    const text = lines("| Id | Command |", "| --- | --- |", "| a | x |", "", "| Id | Command |", "| --- | --- |", "| b | y |");
    expect(parse("gates.md", text).records.map((r) => field(r, "id").value)).toEqual(["a"]);
  });

  it("reports a file of a table collection that has no table", () => {
    const parsed = parse("waves.md", lines("# Waves", "", "Wave 1 merges TD2."));
    expect(parsed.records).toEqual([]);
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/waves.md:1:1",
        severity: "error",
        code: "missing-table",
        message: "`waves.md` holds the waves collection but has no table",
        hint: "Add a table with one row per record, or use a `waves/` folder with one file per record.",
      },
    ]);
  });

  it("reports ragged rows, short and long, at the row, and keeps the cells it can", () => {
    const text = lines("| Id | Name | Command |", "| --- | --- | --- |", "| tests | All tests |", "| types | Types | `mypy` | extra |");
    const parsed = parse("gates.md", text);
    expect(showAll(parsed.diagnostics)).toEqual([
      { at: "plan/gates.md:3:1", severity: "warning", code: "table-ragged", message: "table row has 2 cells, expected 3", hint: "Add the missing cells (empty cells are `| |`)." },
      { at: "plan/gates.md:4:1", severity: "warning", code: "table-ragged", message: "table row has 4 cells, expected 3", hint: "Remove the extra cells or add a header for them." },
    ]);
    expect(parsed.records.map((r) => values(r))).toEqual([
      { id: "tests", name: "All tests" },
      { id: "types", name: "Types", command: "mypy" },
    ]);
  });
});

describe("files, kinds and whole-file problems", () => {
  it("decides the kind and shape from the path", () => {
    const shapes = [
      "project.md",
      "agents/a.md",
      "workstreams/a.md",
      "waves.md",
      "waves/1-a.md",
      "gates.md",
      "gates/a.md",
      "risks/a.md",
      "decisions/0001-a.md",
      "sessions/2025-10-16-a.md",
      "Waves.MD",
    ].map((p) => {
      const parsed = parse(p, "# X\n");
      return `${p} ${parsed.kind} ${parsed.shape}`;
    });
    expect(shapes).toEqual([
      "project.md project single",
      "agents/a.md agent file",
      "workstreams/a.md workstream file",
      "waves.md wave table",
      "waves/1-a.md wave file",
      "gates.md gate table",
      "gates/a.md gate file",
      "risks/a.md risk file",
      "decisions/0001-a.md decision file",
      "sessions/2025-10-16-a.md session file",
      "Waves.MD wave table",
    ]);
  });

  it("keeps the file name without `.md` as the record's stem", () => {
    expect(only(parse("decisions/0003-config.md", "# X\n")).stem).toBe("0003-config");
  });

  it("warns about a file that belongs to no collection", () => {
    for (const relative of ["notes/todo.md", "README.md", "workstream/TD1.md"]) {
      const parsed = parse(relative, "# Notes\n");
      expect(parsed.records).toEqual([]);
      expect(showAll(parsed.diagnostics)).toEqual([
        {
          at: `plan/${relative}:1:1`,
          severity: "warning",
          code: "unknown-collection",
          message: `\`${relative}\` is not part of any record collection`,
          hint: "Move it into one of: project.md, agents/, workstreams/, waves, gates, risks/, decisions/, sessions/ (or remove it).",
        },
      ]);
    }
  });

  it("reports an empty or blank file", () => {
    for (const text of ["", "\n\n  \n"]) {
      const parsed = parse("workstreams/TD1-x.md", text);
      expect(parsed.records).toEqual([]);
      expect(showAll(parsed.diagnostics)).toEqual([
        { at: "plan/workstreams/TD1-x.md:1:1", severity: "error", code: "empty-file", message: "file is empty", hint: "Write the record, or delete the file." },
      ]);
    }
  });

  it("reports a file with NUL bytes as binary", () => {
    const parsed = parse("workstreams/TD1-x.md", "# TD1: X\n\u0000\u0001\u0002");
    expect(parsed.records).toEqual([]);
    expect(showAll(parsed.diagnostics)).toEqual([
      {
        at: "plan/workstreams/TD1-x.md:1:1",
        severity: "error",
        code: "binary-file",
        message: "file contains NUL bytes and is not a Markdown text file",
        hint: "Remove the file from the plan folder or replace it with Markdown text.",
      },
    ]);
  });

  it("takes the whole file as the record's span", () => {
    const record = only(parse("agents/a.md", lines("# A", "", "## Role", "", "You.")));
    expect(span(record.at)).toBe("1:1-6:1");
  });
});

import { describe, expect, it } from "vitest";
import { build, lines, showAll } from "../parse/helpers.js";

/** An ADR with the sections every status asks for, and the given lines before them. */
const adr = (...head: string[]) => lines(...head, "", "## Context", "", "Why.", "", "## Decision", "", "What.");
const lint = (files: Record<string, string>, code?: string) => showAll(build(files).diagnostics.filter((d) => d.code !== "missing-project" && (code === undefined || d.code === code)));

describe("supersession", () => {
  it("is reported when only one side says it (`decision-supersession-one-way`), from either side", () => {
    expect(
      lint({
        "decisions/0001-a.md": adr("# 1. A", "", "* Status: Superseded by [2. B](0002-b.md)"),
        "decisions/0002-b.md": adr("# 2. B", "", "* Status: accepted"),
        "decisions/0003-c.md": adr("# 3. C", "", "* Status: deprecated"),
        "decisions/0004-d.md": adr("---", "status: accepted", "supersedes: [3]", "---", "", "# 4. D"),
      }),
    ).toEqual([
      {
        at: "plan/decisions/0002-b.md:3:11",
        severity: "warning",
        code: "decision-supersession-one-way",
        message: "ADR-0001 says it is superseded by ADR-0002, but ADR-0002 does not say it supersedes ADR-0001",
        hint: "Write `Supersedes ADR-0001` in ADR-0002 (front matter `supersedes`, its status, or its links).",
        related: ["plan/decisions/0001-a.md:3:25 ADR-0001 names it here"],
      },
      {
        at: "plan/decisions/0003-c.md:3:11",
        severity: "warning",
        code: "decision-supersession-one-way",
        message: "ADR-0004 supersedes ADR-0003, but ADR-0003 does not say it is superseded by ADR-0004",
        hint: "Write `Superseded by ADR-0004` in the status of ADR-0003.",
        related: ["plan/decisions/0004-d.md:3:14 ADR-0004 supersedes it here"],
      },
    ]);
  });

  it("is quiet when both sides say it, whatever form each uses", () => {
    expect(
      lint({
        "decisions/0001-a.md": adr("# 1. A", "", "## Status", "", "Superceded by [2. B](0002-b.md)"),
        "decisions/0002-b.md": adr("# 2. B", "", "## Status", "", "Accepted", "", "Supercedes [1. A](0001-a.md)"),
      }),
    ).toEqual([]);
  });

  it("reports a superseded ADR that still says accepted (`decision-superseded-accepted`)", () => {
    expect(
      lint(
        {
          "decisions/0001-a.md": adr("---", "status: accepted", "superseded_by: 2", "---", "", "# 1. A"),
          "decisions/0002-b.md": adr("---", "status: accepted", "supersedes: [1]", "---", "", "# 2. B"),
        },
        "decision-superseded-accepted",
      ),
    ).toEqual([
      {
        at: "plan/decisions/0001-a.md:2:9",
        severity: "warning",
        code: "decision-superseded-accepted",
        message: "ADR-0001 is superseded by ADR-0002 but its status still says accepted",
        hint: "Change its status to `Superseded by ADR-0002`.",
        related: ["plan/decisions/0002-b.md:1:1 ADR-0002 supersedes it"],
      },
    ]);
  });
});

describe("numbers", () => {
  it("reports numbers skipped (`decision-number-gap`) and given twice (`duplicate-id`)", () => {
    expect(
      lint({
        "decisions/0001-a.md": adr("# 1. A"),
        "decisions/0002-b.md": adr("# 2. B"),
        "decisions/0005-e.md": adr("# 5. E"),
        "decisions/0005-f.md": adr("# 5. F"),
        "decisions/0007-g.md": adr("# 7. G"),
      }).map((d) => `${d.at} ${d.code} ${d.message}`),
    ).toEqual([
      // Five ADRs without a status line: one warning with the count (#17.20).
      "plan/decisions/0001-a.md:1:1 decisions-without-status 5 of 5 decisions write no status and are listed as proposed",
      "plan/decisions/0005-e.md:1:1 decision-number-gap ADR numbers skip 3–4: 2 is followed by 5",
      "plan/decisions/0005-f.md:1:1 duplicate-id decision `0005` is defined twice",
      "plan/decisions/0007-g.md:1:1 decision-number-gap ADR numbers skip 6: 5 is followed by 7",
    ]);
  });

  it("leaves ADRs without numbers (log4brains) out of the count", () => {
    expect(lint({ "decisions/20200924-a.md": adr("# A", "", "- Status: accepted"), "decisions/20210113-b.md": adr("# B", "", "- Status: accepted") })).toEqual([]);
  });

  it("reports a title whose number disagrees with the file name (`decision-number-mismatch`)", () => {
    expect(lint({ "decisions/0035-bouncer.md": adr("# 3. Bouncer") })).toEqual([
      {
        at: "plan/decisions/0035-bouncer.md:1:1",
        severity: "warning",
        code: "decision-number-mismatch",
        message: "ADR number 35 (from the file name) differs from 3 in the title",
        hint: "Make them agree; links to the ADR use the file name.",
      },
    ]);
  });
});

describe("dates", () => {
  it("reports a date that is not a date, or that reads two ways (`decision-date`); clear dates in other forms are read", () => {
    expect(
      lint({
        "decisions/0001-a.md": adr("# 1. A", "", "Date: 2017/11/22"),
        "decisions/0002-b.md": adr("# 2. B", "", "Date: 7/12/2022"),
        "decisions/0003-c.md": adr("---", "date: 2017-02-30", "---", "", "# 3. C"),
        "decisions/0004-d.md": adr("# 4. D", "", "* Date: soon"),
      }),
    ).toEqual([
      {
        at: "plan/decisions/0002-b.md:3:7",
        severity: "warning",
        code: "decision-date",
        message: "decision date `7/12/2022` may be 2022-07-12 or 2022-12-07",
        hint: "Write the date as `YYYY-MM-DD`, e.g. `2016-02-12`.",
      },
      {
        at: "plan/decisions/0003-c.md:2:7",
        severity: "warning",
        code: "decision-date",
        message: "decision date `2017-02-30` is not a day of the calendar",
        hint: "Write the date as `YYYY-MM-DD`, e.g. `2016-02-12`.",
      },
      { at: "plan/decisions/0004-d.md:3:9", severity: "warning", code: "decision-date", message: "decision date `soon` is not a date", hint: "Write the date as `YYYY-MM-DD`, e.g. `2016-02-12`." },
    ]);
  });
});

describe("sections", () => {
  it("reports a section the status calls for (`decision-missing-section`)", () => {
    expect(
      lint({
        "decisions/0001-a.md": lines("# 1. A", "", "* Status: accepted", "", "## Context", "", "Why."),
        "decisions/0002-b.md": lines("# 2. B", "", "* Status: proposed", "", "## Context and Problem Statement", "", "Why?", "", "## Considered Options", "", "* X", "* Y"),
        "decisions/0003-c.md": lines("# 3. C", "", "* Status: rejected", "", "## Decision", "", "No."),
      }),
    ).toEqual([
      {
        at: "plan/decisions/0001-a.md:1:1",
        severity: "warning",
        code: "decision-missing-section",
        message: "accepted decision has no `## Decision` section",
        hint: "Add `## Decision` (MADR's `Context and Problem Statement` and `Decision Outcome` are read too).",
      },
      {
        at: "plan/decisions/0003-c.md:1:1",
        severity: "warning",
        code: "decision-missing-section",
        message: "rejected decision has no `## Context` section",
        hint: "Add `## Context` (MADR's `Context and Problem Statement` and `Decision Outcome` are read too).",
      },
    ]);
  });
});

describe("a draft (#17.13)", () => {
  it("a proposed ADR whose sections are written but empty, as `new decision` writes it, has no warning; an accepted one does", () => {
    const draft = lines("---", "number: 4", "status: proposed", "date: 2026-12-06", "---", "", "# 4. Use SQLite", "", "## Context", "", "## Decision", "", "## Consequences");
    expect(lint({ "decisions/0004-use-sqlite.md": draft })).toEqual([]);
    expect(lint({ "decisions/0004-use-sqlite.md": draft.replace("proposed", "accepted") }, "decision-missing-section").map((d) => d.message)).toEqual([
      "accepted decision has no `## Context` section",
      "accepted decision has no `## Decision` section",
    ]);
    // Without the headings, a proposed ADR is still told what it lacks.
    expect(lint({ "decisions/0005-x.md": lines("# 5. X", "", "* Status: proposed") }, "decision-missing-section")).toHaveLength(2);
  });
});

describe("links", () => {
  const files = {
    "decisions/0001-a.md": adr("# 1. A", "", "## Status", "", "Accepted", "", "Amended by [9. Help](0009-help.md)"),
    "decisions/0002-b.md": adr("---", "relates_to: [ADR-0001, ADR-0004]", "---", "", "# 2. B"),
    "decisions/0003-c.md": lines("# 3. C", "", "## Links", "", "* Refined by [ADR-0012](0012-x.md)", "* Relates to [1. A](0001-a.md)"),
  };
  it("reports a link field naming an ADR that does not exist (`unknown-decision`, an error), in any form", () => {
    expect(lint(files, "unknown-decision")).toEqual([
      {
        at: "plan/decisions/0002-b.md:2:24",
        severity: "error",
        code: "unknown-decision",
        message: "unknown decision `ADR-0004`, expected one of: 1, 2, 3",
        hint: "Create the decision or fix the reference.",
      },
    ]);
  });

  it("warns about a link in an ADR's prose (status, `## Links`) to an ADR outside the plan (`decision-link-outside-plan`)", () => {
    expect(lint(files, "decision-link-outside-plan")).toEqual([
      {
        at: "plan/decisions/0001-a.md:7:12",
        severity: "warning",
        code: "decision-link-outside-plan",
        message: "link to ADR `0009-help.md`, which is not in the plan",
        hint: "Import that ADR (`paraplan import decisions DIR`), or leave the link: it is shown as written.",
      },
      {
        at: "plan/decisions/0003-c.md:5:14",
        severity: "warning",
        code: "decision-link-outside-plan",
        message: "link to ADR `0012-x.md`, which is not in the plan",
        hint: "Import that ADR (`paraplan import decisions DIR`), or leave the link: it is shown as written.",
      },
    ]);
  });
});

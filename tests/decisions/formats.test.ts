import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/model/types.js";
import { build, lines, span } from "../parse/helpers.js";

/** Builds one ADR file as `plan/decisions/<name>` and returns it with the diagnostics. */
function adr(name: string, text: string): { d: Decision; codes: string[] } {
  const { plan, diagnostics } = build({ [`decisions/${name}`]: text });
  return { d: plan.decisions[0]!, codes: diagnostics.filter((x) => x.code !== "missing-project").map((x) => x.code) };
}

const links = (d: Decision) => d.links.map((l) => `${l.relation} ${l.target.id}`);
const sections = (d: Decision) => d.sections.map((s) => `${s.heading}${s.field ? ` → ${s.field}` : ""}`);

describe("adr-tools (Nygard)", () => {
  const text = lines(
    "# 5. Help comments",
    "",
    "Date: 2016-02-13",
    "",
    "## Status",
    "",
    "Accepted",
    "",
    "Amended by [9. Help scripts](0009-help-scripts.md)",
    "",
    "## Context",
    "",
    "The tool will have a `help` subcommand.",
    "",
    "## Decision",
    "",
    "Write usage documentation in comments.",
    "",
    "## Consequences",
    "",
    "No need to maintain help text in a separate file.",
  );

  it("reads the number and title from `# 5. Title`, the date from a `Date:` line, the status and links from `## Status`", () => {
    const { d } = adr("0005-help-comments.md", text);
    expect(d).toMatchObject({
      id: "5",
      number: 5,
      title: "Help comments",
      heading: "5. Help comments",
      slug: "help-comments",
      stem: "0005-help-comments",
      status: "accepted",
      statusText: "Accepted",
      date: "2016-02-13",
    });
    expect(links(d)).toEqual(["amended-by 0009-help-scripts.md"]);
    expect(span(d.links[0]!.target.at)).toBe("9:12-9:51");
    expect(span(d.statusAt)).toBe("5:1-9:51");
  });

  it("keeps every section in the order written, the status section too", () => {
    const { d } = adr("0005-help-comments.md", text);
    expect(sections(d)).toEqual(["Status → status", "Context → context", "Decision → decision", "Consequences → consequences"]);
    expect(d.sections[0]!.body).toBe("Accepted\n\nAmended by [9. Help scripts](0009-help-scripts.md)");
  });

  it("reads a `Date:` line only for keys it knows: other `Key: value` lines stay text", () => {
    const { d } = adr("0001-x.md", lines("# 1. X", "", "Date: 2016-02-12", "", "Note: this is prose.", "", "## Context", "", "C.", "", "## Decision", "", "D."));
    expect(d.date).toBe("2016-02-12");
    expect(d.sections.map((s) => [s.heading, s.body])).toEqual([
      ["", "Note: this is prose."],
      ["Context", "C."],
      ["Decision", "D."],
    ]);
  });
});

describe("MADR", () => {
  it("MADR 2: `* Status:` bullets, `Technical Story:` kept as text, MADR headings as aliases", () => {
    const { d, codes } = adr(
      "0013-add-native-support.md",
      lines(
        "# Add Native Support for BibLatex-Software",
        "",
        "* Status: accepted",
        "* Deciders: Oliver Kopp, Jane Doe",
        "* Date: 2020-12-01",
        "",
        "Technical Story: [6574](https://github.com/JabRef/jabref/issues/6574)",
        "",
        "## Context and Problem Statement",
        "",
        "No support yet.",
        "",
        "## Decision Drivers",
        "",
        "* None of the existing flows should be impacted",
        "",
        "## Considered Options",
        "",
        "* Add the new entry types",
        "* Add a divider",
        "",
        "## Decision Outcome",
        "",
        'Chosen option: "Add a new divider", because comes out best.',
        "",
        "### Positive Consequences",
        "",
        "* Inbuilt coverage",
        "",
        "## Pros and Cons of the Options",
        "",
        "### Add the new entry types",
        "",
        "* Good, because simple",
      ),
    );
    expect(codes).toEqual([]);
    expect(d).toMatchObject({ number: 13, title: "Add Native Support for BibLatex-Software", status: "accepted", deciders: ["Oliver Kopp", "Jane Doe"], date: "2020-12-01" });
    expect(d.alternatives).toEqual(["Add the new entry types", "Add a divider"]);
    expect(d.decision).toContain("### Positive Consequences");
    expect(sections(d)).toEqual([
      "",
      "Context and Problem Statement → context",
      "Decision Drivers",
      "Considered Options → alternatives_considered",
      "Decision Outcome → decision",
      "Pros and Cons of the Options",
    ]);
  });

  it("MADR 3 and 4: YAML front matter with `status`, `date`, `decision-makers`, `consulted`, `informed`", () => {
    const { d, codes } = adr(
      "0047-use-references-heading.md",
      lines(
        "---",
        "nav_order: 47",
        "parent: Decision Records",
        "status: accepted",
        "date: 2025-07-31",
        'decision-makers: "@ryan, @thilo"',
        "consulted: [Alice]",
        "informed: Bob",
        "---",
        "<!-- markdownlint-disable-next-line MD025 -->",
        "# Use References Headings in Citations Tab",
        "",
        "## Context and Problem Statement",
        "",
        "How to name the headings?",
        "",
        "## Decision Outcome",
        "",
        'Chosen option: "References".',
      ),
    );
    expect(codes).toEqual([]);
    expect(d).toMatchObject({
      number: 47,
      status: "accepted",
      statusText: "accepted",
      date: "2025-07-31",
      deciders: ["@ryan", "@thilo"],
      consulted: ["Alice"],
      informed: ["Bob"],
      heading: "Use References Headings in Citations Tab",
    });
  });

  it("keeps the `# Heading` as written when front matter gives another title", () => {
    const { d } = adr("0049-hardcode.md", lines("---", "title: Hardcode StandardField names", "status: accepted", "---", "", "# Hardcode `StandardField` names (disallow customization)"));
    expect(d).toMatchObject({ title: "Hardcode StandardField names", heading: "Hardcode `StandardField` names (disallow customization)" });
  });

  it("a status packed with a link: `superseded by ADR-0057` and `accepted; supersedes ADR-0045`", () => {
    const { plan } = build({
      "decisions/0045-input.md": lines("---", 'status: "superseded by ADR-0057"', "---", "", "# Use `--input`"),
      "decisions/0057-positional.md": lines("---", 'status: "accepted; supersedes ADR-0045"', "---", "", "# Allow a positional argument"),
    });
    const [old, now] = plan.decisions;
    expect(old).toMatchObject({ status: "superseded", statusText: "superseded by ADR-0057", supersededBy: { id: "ADR-0057" } });
    expect(now).toMatchObject({ status: "accepted", statusText: "accepted; supersedes ADR-0045" });
    expect(now!.supersedes.map((r) => r.id)).toEqual(["ADR-0045"]);
  });
});

describe("log4brains", () => {
  it("has no number: the file name is its id and its page's name; `## Links` items are links", () => {
    const { plan, diagnostics } = build({
      "decisions/20200926-use-the-adr-number.md": lines(
        "# Use the ADR number as its unique ID",
        "",
        "- Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)",
        "- Date: 2020-09-26",
        "- Tags: ids, cli",
      ),
      "decisions/20201016-use-the-adr-slug.md": lines(
        "# Use the ADR slug as its unique ID",
        "",
        "- Status: accepted",
        "- Date: 2020-10-16",
        "",
        "## Context and Problem Statement",
        "",
        "Numbers conflict on merge.",
        "",
        "## Decision Outcome",
        "",
        "Use slugs.",
        "",
        "## Links <!-- optional -->",
        "",
        "- Supersedes [20200926-use-the-adr-number](20200926-use-the-adr-number.md)",
        "- <https://wiki.example.org/search>",
      ),
    });
    expect(diagnostics.filter((d) => d.code !== "missing-project" && d.code !== "decision-missing-section")).toEqual([]);
    const [old, now] = plan.decisions;
    expect(old).toMatchObject({ id: "20200926-use-the-adr-number", slug: "20200926-use-the-adr-number", status: "superseded", date: "2020-09-26", tags: ["ids", "cli"] });
    expect(old!.number).toBeUndefined();
    expect(links(now!)).toEqual(["supersedes 20200926-use-the-adr-number.md"]);
    expect(sections(now!)).toContain("Links → links");
  });
});

describe("traps", () => {
  it("lines that look like fields inside fenced code blocks are not fields", () => {
    const { d, codes } = adr(
      "0008-add-status-field.md",
      lines(
        "# Add Status Field",
        "",
        "## Context and Problem Statement",
        "",
        "Should ADRs have a status?",
        "",
        "## Decision Outcome",
        "",
        "Example:",
        "",
        "```markdown",
        "---",
        "status: on hold",
        "---",
        "# Write own MADR tooling",
        "",
        "## Status",
        "",
        "Superseded by [3. X](0003-x.md)",
        "```",
      ),
    );
    expect(codes).toEqual([]);
    expect(d).toMatchObject({ status: "proposed", statusText: "", links: [], title: "Add Status Field" });
  });

  it("two `# Headings`: the first is the title, the second is kept as a section", () => {
    const { d } = adr("0002-x.md", lines("# 2. First", "", "## Context", "", "C.", "", "# Second", "", "More."));
    expect(d.title).toBe("First");
    expect(d.sections.map((s) => [s.heading, s.body])).toEqual([
      ["Context", "C."],
      ["Second", "More."],
    ]);
  });

  it("reads Chinese headings (phodal/adr): 日期, 状态 with a dated history, 上下文/背景, 决策, 结果/后果", () => {
    const { d, codes } = adr(
      "0011-添加-3-位数到-4-位数升级的支持.md",
      lines(
        "# 11. 添加 3 位数到 4 位数升级的支持",
        "",
        "日期: 2017/11/24",
        "",
        "## 状态",
        "",
        "列表：提议/通过/完成/已弃用/已取代",
        "",
        "2017-11-24 提议",
        " ",
        "2017-11-30 完成",
        "",
        "## 背景",
        "",
        "背景",
        "",
        "## 决策",
        "",
        "决策",
        "",
        "## 后果",
        "",
        "后果",
      ),
    );
    expect(codes).toEqual([]);
    expect(d).toMatchObject({
      number: 11,
      slug: "添加-3-位数到-4-位数升级的支持",
      status: "accepted",
      statusText: "列表：提议/通过/完成/已弃用/已取代 | 2017-11-24 提议 | 2017-11-30 完成",
      date: "2017-11-24",
      dateWritten: { text: "2017/11/24" },
    });
    expect([d.context, d.decision, d.consequences.text]).toEqual(["背景", "决策", "后果"]);
  });

  it("a title number copied from another ADR: the file name's number wins, and the title is reported", () => {
    const { d, codes } = adr("0033-ip-ranges.md", lines("# 3. Networking Outline", "", "## Status", "", "Pending", "", "## Context", "", "C.", "", "## Decision", "", "D."));
    expect(d.number).toBe(33);
    expect(codes).toEqual(["decision-number-mismatch"]);
  });

  it("keeps key-value lines that are no field, to show them", () => {
    const { d } = adr("20200927-avoid-fc.md", lines("# Avoid React.FC type", "", "- Status: accepted", "- Source: <https://example.org/adr006.md>"));
    expect(d.otherFields).toEqual([{ key: "Source", value: "<https://example.org/adr006.md>" }]);
  });
});

describe("a status written before the title (log4brains-style `# Accepted: …`)", () => {
  it("is read as the status when no other status is written, and dropped from the title", () => {
    for (const [heading, status, title] of [
      ["# Accepted: OIT in Godot Engine", "accepted", "OIT in Godot Engine"],
      ["# Draft: Add build notifications", "proposed", "Add build notifications"],
      ["# Superseded: Retarget VRM Motion…", "superseded", "Retarget VRM Motion…"],
      ["# Partially superseded: Use Redis", "accepted", "Use Redis"],
      ["# Rejected：Use MongoDB", "rejected", "Use MongoDB"],
    ] as const) {
      const { d, codes } = adr("20260101-x.md", lines(heading, "", "## Context", "", "Why."));
      expect(d, heading).toMatchObject({ status, title, statusText: heading.slice(2).split(/[:：]/)[0] });
      expect(codes).not.toContain("unknown-status");
    }
  });

  it("a prefix that is no status word stays in the title; a written status wins over the prefix", () => {
    expect(adr("0001-cache.md", lines("# 1. Cache: use Redis", "", "## Context", "", "Why.")).d).toMatchObject({ title: "Cache: use Redis", status: "proposed" });
    expect(adr("0002-x.md", lines("# 2. Accepted: Use Redis", "", "## Status", "", "Rejected")).d).toMatchObject({ title: "Accepted: Use Redis", status: "rejected" });
  });
});

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PLANS } from "../helpers/fixture-plans.js";
import { renderPlan } from "../helpers/render-plan.js";

// tests/fixtures/plans/adr-formats: ADRs written with adr-tools, MADR 2 and 4 and log4brains in one plan. Its goldens,
// markdownlint and link checks run in tests/render/fixture-plans.test.ts; this file checks what each page must show.
const root = path.join(FIXTURE_PLANS, "adr-formats");
let pages: Record<string, string>;
beforeAll(async () => {
  const { byPath, diagnostics } = await renderPlan(path.join(root, "plan"), root);
  expect(diagnostics).toEqual([]);
  pages = byPath;
});

const body = (page: string) => pages[page]!.slice(pages[page]!.indexOf("-->\n") + 4);
const headings = (page: string) =>
  body(page)
    .split("\n")
    .filter((l) => l.startsWith("#"));

describe("an ADR page", () => {
  it("shows a superseded ADR's banner, and its status once: its status section as written", () => {
    const page = body("adr/0002-use-rest.md");
    expect(page).toMatch(/^> \*\*Superseded\*\* by \[ADR-0004: Use GraphQL for the API\]\(0004-use-graphql\.md\)\.$/m);
    expect(page).toContain("## Status\n\nSuperseded by [4. Use GraphQL](0004-use-graphql.md)\n");
    // The status once: the section as written, not again as a list item.
    expect(page).not.toContain("- Status:");
    expect(page).toContain("- Date: 2026-01-06\n");
  });

  it("keeps every section, in the order and under the headings written", () => {
    expect(headings("adr/0003-cache-responses.md")).toEqual([
      "# 0003. Cache API Responses",
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Confirmation",
      "### Positive Consequences",
      "### Negative Consequences",
      "## Pros and Cons of the Options",
      "### Cache in the browser",
      "### Cache at the edge",
      "## Links",
      "## Referenced by",
    ]);
    expect(body("adr/0003-cache-responses.md")).toContain("Technical Story: catalogue pages are slow.");
  });

  it("lists its metadata and links: the status as written, deciders, consulted, supersedes, amends, relates to", () => {
    expect(body("adr/0003-cache-responses.md")).toContain(
      '- Status: accepted (written as "✅ Accepted")\n- Date: 2026-01-10\n- Deciders: Ana, Ben\n- Workstreams: W1, W2\n- Amended by: [ADR-0005: Invalidate on write](0005-invalidate-on-write.md)\n',
    );
    expect(body("adr/0004-use-graphql.md")).toContain("- Deciders: Ana, Ben\n- Consulted: Chen\n- Workstreams: W1, W2\n- Supersedes: [ADR-0002: Use REST for the API](0002-use-rest.md)\n");
    expect(body("adr/0005-invalidate-on-write.md")).toContain('- Date: 2026-01-20 (written as "2026/01/20")\n- Amends: [ADR-0003: Cache API Responses](0003-cache-responses.md)\n');
    expect(body("adr/20260201-use-feature-flags.md")).toMatch(
      /^\n# Use feature flags for releases\n\n- Status: proposed\n- Date: 2026-02-01\n- Tags: release\n- Relates to: \[ADR-0004: Use GraphQL for the API\]\(0004-use-graphql\.md\)\n/,
    );
  });

  it("shows backlinks from other ADRs (with what they say), workstreams and sessions", () => {
    const page = body("adr/0004-use-graphql.md");
    expect(page.slice(page.indexOf("## Referenced by"))).toBe(
      [
        "## Referenced by",
        "",
        "- [ADR-0002: Use REST for the API (superseded by this)](0002-use-rest.md)",
        "- [Use feature flags for releases (relates to this)](20260201-use-feature-flags.md)",
        "- [W1: API (prompt)](../prompts/W1_API.md)",
        "- [W2: UI (prompt)](../prompts/W2_UI.md)",
        "- [Session 2026-01-12: API Review](../sessions/2026-01-12-api-review.md)",
        "",
        "[All decisions](README.md)",
        "",
      ].join("\n"),
    );
  });
});

describe("the ADR index", () => {
  it("draws supersession, amendments and related ADRs once each, with the ADRs that have links", () => {
    const graph = /```mermaid\n([\s\S]*?)```/.exec(pages["adr/README.md"]!)![1];
    expect(graph).toBe(
      [
        "graph TD",
        '  adr2["0002 Use REST for the API"]',
        '  adr3["0003 Cache API Responses"]',
        '  adr4["0004 Use GraphQL for the API"]',
        '  adr5["0005 Invalidate on write"]',
        '  adr6["0006 Use as key separator"]',
        '  adr_7["Use feature flags for releases"]',
        "  adr4 -->|supersedes| adr2",
        "  adr5 -->|amends| adr3",
        "  adr6 -->|amends| adr5",
        "  adr4 -.-|relates to| adr_7",
        "",
      ].join("\n"),
    );
  });

  it("puts the proposed ADRs first: the reviewers' queue", () => {
    expect(
      body("adr/README.md")
        .split("\n")
        .filter((l) => l.startsWith("## ")),
    ).toEqual(["## Proposed: awaiting review", "## Accepted", "## Superseded", "## Links between decisions"]);
  });
});

describe("links to a file whose name holds `#`", () => {
  it("are percent-encoded in every document: the index, the plan, and the ADR it amends", () => {
    expect(body("adr/README.md")).toContain("[Use # as key separator](0006-use-%23-as-key-separator.md)");
    expect(body("PARALLEL_EXECUTION_PLAN.md")).toContain("(adr/0006-use-%23-as-key-separator.md)");
    expect(body("adr/0005-invalidate-on-write.md")).toContain("(0006-use-%23-as-key-separator.md)");
    expect(Object.values(pages).join("\n")).not.toMatch(/\]\([^)]*#-as-key/);
  });
});

describe("a workstream's prompt", () => {
  it("lists the accepted ADRs that govern it, not the proposed or superseded ones", () => {
    const prompt = body("prompts/W1_API.md");
    const section = prompt.slice(prompt.indexOf("## Decisions that govern this workstream"));
    expect(section.split("\n").filter((l) => l.startsWith("- ADR"))).toEqual([
      '- ADR-0003: Cache API Responses (accepted). Chosen option: "Cache at the edge",',
      '- ADR-0004: Use GraphQL for the API (accepted). Chosen option: "GraphQL",',
    ]);
  });
});

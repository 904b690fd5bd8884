import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { renderPlan } from "../helpers/render-plan.js";

/** A plan folder in a temporary directory with the given ADR files. */
async function planWith(decisions: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-adr-index-"));
  await mkdir(path.join(root, "plan", "decisions"), { recursive: true });
  await writeFile(path.join(root, "plan", "project.md"), "---\nname: review\n---\n\n# review\n");
  for (const [name, text] of Object.entries(decisions)) await writeFile(path.join(root, "plan", "decisions", name), text);
  return root;
}

const body = (text: string) => text.slice(text.indexOf("-->\n") + 4);

describe("the ADR index as a reviewer reads it", () => {
  it("gives each decision its decision sentence, puts the queue first, and leaves out columns empty in every row", async () => {
    const root = await planWith({
      "0001-use-postgres.md": "# 1. Use Postgres\n\n## Status\n\nAccepted\n\n## Decision\n\nStore orders in **Postgres** 16. Backups run nightly.\n",
      "0002-use-queues.md": '# 2. Use a queue\n\n* Status: proposed\n\n## Decision Outcome\n\nChosen option: "RabbitMQ", because the team runs it already, e.g. for mail. It needs one more node.\n',
      "0003-no-decision-yet.md": "# 3. Pick a cache\n\n* Status: proposed\n\n## Context\n\nPages are slow.\n",
    });
    const { byPath, diagnostics } = await renderPlan(path.join(root, "plan"), root);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const index = body(byPath["adr/README.md"]!);
    expect(index.split("\n").filter((l) => l.startsWith("## "))).toEqual(["## Proposed: awaiting review", "## Accepted"]);
    // No ADR has a date or a supersession: those columns are left out; the decision sentence is in.
    expect(index).toContain("| Number | Title | Decision |\n| --- | --- | --- |\n");
    expect(index).not.toMatch(/Date|Supersede/);
    expect(index).toContain('| 0002 | [Use a queue](0002-use-queues.md) | Chosen option: "RabbitMQ", because the team runs it already, e.g. for mail. |');
    expect(index).toContain("| 0003 | [Pick a cache](0003-no-decision-yet.md) | — |");
    expect(index).toContain("| 0001 | [Use Postgres](0001-use-postgres.md) | Store orders in Postgres 16. |");
  });

  it("shows a column as soon as one row has it, and cuts a long decision at a word", async () => {
    const long = `Adopt ${"a very careful and thoroughly reviewed approach ".repeat(8)}for everything.`;
    const root = await planWith({
      "0001-a.md": `---\nstatus: superseded\nsuperseded_by: 2\ndate: 2026-01-02\n---\n\n# 1. A\n\n## Decision\n\n${long}\n`,
      "0002-b.md": "---\nstatus: accepted\nsupersedes: [1]\n---\n\n# 2. B\n\n## Decision\n\nDo B in `../b-<id>` with 2 * 3 workers, *now*.\n",
    });
    const { byPath } = await renderPlan(path.join(root, "plan"), root);
    const index = body(byPath["adr/README.md"]!);
    expect(index).toContain("| Number | Title | Decision | Date | Supersedes | Superseded by |\n");
    // Plain text, escaped: no HTML, no emphasis, nothing a cut could leave open.
    expect(index).toContain("| 0002 | [B](0002-b.md) | Do B in ../b-\\<id\\> with 2 \\* 3 workers, now. | — | ADR-0001: A | — |");
    expect(await lintMarkdown({ "adr/README.md": byPath["adr/README.md"]! })).toEqual([]);
    const row = index.split("\n").find((l) => l.startsWith("| 0001 "))!;
    const summary = row.split(" | ")[2]!;
    expect(summary, summary).toMatch(/^Adopt a very careful .* (a|very|careful|and|thoroughly|reviewed|approach)…$/);
    expect(summary.length).toBeLessThanOrEqual(220);
  });

  it("shows an ADR's status once: in the list when it has no Status section", async () => {
    const root = await planWith({
      "0001-use-postgres.md": "# 1. Use Postgres\n\n## Status\n\nAccepted\n\n## Decision\n\nUse Postgres.\n",
      "0002-use-queues.md": "---\nstatus: accepted\n---\n\n# 2. Use a queue\n\n## Decision\n\nUse a queue.\n",
    });
    const { byPath } = await renderPlan(path.join(root, "plan"), root);
    const withSection = body(byPath["adr/0001-use-postgres.md"]!);
    expect(withSection.match(/status/gi)).toHaveLength(1);
    expect(withSection).toContain("## Status\n\nAccepted\n");
    expect(body(byPath["adr/0002-use-queues.md"]!)).toContain("- Status: accepted\n");
  });
});

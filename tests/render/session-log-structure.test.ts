import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

const SEED = path.join(REPO, "..", "shared", "seed", "2025-10-16-parallel-execution-strategy-setup.md");
const HAVE_SEED = existsSync(SEED);
const LOG = "sessions/2025-10-16-parallel-execution-strategy-setup.md";

/** The `##` and `###` headings of a Markdown text outside code blocks, with their level. */
function headings(markdown: string): { level: number; text: string }[] {
  let fenced = false;
  const out: { level: number; text: string }[] = [];
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^(#{2,3}) (.+)$/.exec(line);
    if (m) out.push({ level: m[1]!.length, text: m[2]! });
  }
  return out;
}

/** A heading reduced to its words: emoji, arrows and a trailing `(…)` or `⏰ …` remark dropped. */
const words = (heading: string) =>
  heading
    .replace(/⏰.*$/u, "")
    .replace(/\([^)]*\)\s*$/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** True when a generated heading is the counterpart of a seed heading: the same words, or a priority of the same number. */
function counterpart(seed: string, generated: string): boolean {
  const s = words(seed);
  const g = words(generated);
  const priority = /^priority (\d+)/.exec(s);
  return priority ? g.startsWith(`priority ${priority[1]!}`) : g === s || g.startsWith(`${s} `);
}

/** The text of a `##` section of a generated document, up to the next `##`. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `no section ${heading}`).toBeGreaterThan(-1);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

// The tests that read the embedded plan read the same in-memory rendering of it, which none of them changes: made once.
let rendering: ReturnType<typeof renderPlan> | undefined;
const renderAutoD = () => (rendering ??= renderPlan(path.join(REPO, "plan"), REPO));

/** The document below the generated-file header. */
const body = (text: string) => text.slice(text.indexOf("-->\n") + 4);

describe.skipIf(!HAVE_SEED)(`the generated session log against the seed's (${HAVE_SEED ? "../shared/seed" : "skipped: ../shared/seed is absent"})`, () => {
  it("has a counterpart for every section of the seed, in the seed's order and at its level", async () => {
    const seed = headings(readFileSync(SEED, "utf8"));
    expect(seed.length).toBeGreaterThan(20);
    const { byPath } = await renderAutoD();
    const generated = headings(body(byPath[LOG]!));
    let at = 0;
    for (const h of seed) {
      const found = generated.findIndex((g, i) => i >= at && g.level === h.level && counterpart(h.text, g.text));
      expect(found, `no counterpart for the seed's "${"#".repeat(h.level)} ${h.text}" after "${generated[at - 1]?.text ?? "the start"}"`).toBeGreaterThan(-1);
      at = found + 1;
    }
  });
});

describe("the generated session log reads as the seed's does", () => {
  it("has check-lists, launch blocks, the resolution protocol inside the conflict risk and Action / Result / Lesson lessons", async () => {
    const { byPath } = await renderAutoD();
    const log = body(byPath[LOG]!);
    const priorities = section(log, "Next 3 Priorities");
    expect(priorities).toContain("- [ ] All four sessions are running.");
    // One copy-ready block per session the priority's Launch line names, with the workstream's worktree and prompt.
    expect(priorities).toContain("Launch TD2 (Config Management), then paste\n[its prompt](../prompts/TD2_CONFIG_MANAGEMENT.md):\n\n```bash\ncd ../autoD-config-management && claude\n```");
    expect(priorities.match(/```bash\ncd \.\.\/autoD-[a-z-]+ && claude\n```/g)).toHaveLength(6);
    expect(priorities).not.toContain("**Launch:**");
    const risks = section(log, "Risks & Blockers");
    const r2 = risks.slice(risks.indexOf("#### R2:"), risks.indexOf("#### R3:"));
    expect(r2).toContain("| `src/config.py` | TD2's version wins: it is the source of truth for configuration.");
    // R1 names no file of the protocol: no table there.
    expect(risks.slice(risks.indexOf("#### R1:"), risks.indexOf("#### R2:"))).not.toContain("| File | Rule |");
    const lessons = section(log, "Lessons Learned");
    expect(lessons).toContain("#### 1. Reading the Strategy Documents First\n\n- **Action:** Read the five planning documents");
    expect(lessons.indexOf("- **Lesson:** Read the existing docs before planning.")).toBeLessThan(lessons.indexOf("#### 2. Listening to the User"));
    const preparation = section(log, "Next Session Preparation");
    expect(preparation).toContain("Final checklist:\n\n- [x] All 7 worktrees created.");
    expect(preparation).toContain("- [ ] The user launches the Day 1 sessions.");
  });

  it("refers to no plan file and says nothing about paraplan, in any generated document", async () => {
    const { byPath } = await renderAutoD();
    for (const [file, text] of Object.entries(byPath)) {
      const doc = body(text);
      expect(doc, file).not.toMatch(/`(plan\/|project\.md|waves\.md|gates\.md|workstreams\/|risks\/|decisions\/|sessions\/)/);
      expect(doc, file).not.toMatch(/paraplan|plan directory/i);
    }
  });

  it("says which Launch entry names no workstream, instead of a block", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-launch-"));
    await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
    const record = path.join(root, "plan", LOG);
    await writeFile(record, (await readFile(record, "utf8")).replace("**Launch:** TD1, WS2", "**Launch:** TD1, XX9"));
    const { byPath } = await renderPlan(path.join(root, "plan"), root);
    const priorities = section(body(byPath[LOG]!), "Next 3 Priorities");
    expect(priorities).toContain("Launch XX9: not a workstream of the plan at this session.");
    expect(priorities).toContain("cd ../autoD-error-handling && claude");
  });
});

/**
 * The catalogue of broken plans. Each scenario is one small base plan with an overlay of the few files its problem
 * changes, adds or removes; `tests/fixtures/invalid/<scenario>/expected.txt` holds the diagnostics it must produce
 * (the `formatText` output, paths relative to the scenario folder). Shared by the golden test and
 * `scripts/update-invalid-goldens.ts`.
 *
 * Every run writes the scenario into a temporary folder, so the files that editors, linters and git would mangle
 * (binary and non-UTF-8 bytes, symbolic links) are declared here as bytes and links, not committed as files.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatText } from "../../src/diagnostics/format.js";
import { loadPlan } from "../../src/io/load-plan.js";
import { type FileContent, type FileTree, writeFileTree } from "../helpers/temp-project.js";

export const INVALID_DIR = fileURLToPath(new URL("../fixtures/invalid/", import.meta.url));

/** A base file with `from` (which must occur in it exactly once) replaced by `to`. */
interface Replacement {
  readonly from: string;
  readonly to: string;
}

/** What a scenario does to a path: new content, a replacement inside the base file, or `REMOVED`. */
type Overlay = Readonly<Record<string, FileContent | Replacement | typeof REMOVED>>;

const REMOVED = null;

function replace(from: string, to: string): Replacement {
  return { from, to };
}

// A small but complete plan that validates cleanly: every scenario starts from it.
export const BASE_PLAN: FileTree = {
  "plan/project.md": `---
name: demo
---

# Demo

## Summary

A small plan used by the validation tests: only the scenario's problem is wrong in it.
`,
  "plan/waves.md": `# Integration Waves

| Wave | Name | Workstreams |
| --- | --- | --- |
| 1 | Errors | TD1 |
| 2 | Config | TD2 |

## Merge Procedure

Merge each workstream branch with \`--no-ff\`, then run the tests.
`,
  "plan/agents/python-pro.md": `---
id: python-pro
name: Python Pro
---

# Python Pro

## Role

You write idiomatic, typed Python.
`,
  "plan/workstreams/TD1-errors.md": `---
id: TD1
name: Error Handling
agent: python-pro
days: 2
priority: high
---

# TD1: Error Handling

## Goal

Standardise error handling and retries.
`,
  "plan/workstreams/TD2-config.md": `---
id: TD2
name: Config Management
agent: python-pro
days: 1-2
depends_on: [TD1]
---

# TD2: Config Management

## Goal

Replace scattered settings with one validated \`Config\` class.
`,
};

// A second agent, so that "expected one of" lists more than one.
const BACKEND_ARCHITECT = `---
id: backend-architect
name: Backend Architect
---

# Backend Architect

## Role

You design services.
`;

// Each scenario's problem, and only its problem.
const OVERLAYS: Readonly<Record<string, Overlay>> = {
  "adr-superseded-by-missing": {
    "plan/decisions/0001-big-bang-merge.md": `---
status: superseded
superseded_by: 3
---

# 1. Big-Bang Merge at the End

## Context

Merging takes a day whatever the number of branches.

## Decision

Merge everything on the last day.
`,
    "plan/decisions/0002-wave-merging.md": `# 2. Wave-Based Merging

* Status: accepted
* Supersedes: 1

## Context

A merge at the end surfaces every conflict on the last day.

## Decision

Merge in waves, each behind quality gates.
`,
  },
  "bad-date": {
    "plan/project.md": replace("name: demo", "name: demo\nstart_date: 2025-02-30"),
  },
  "bad-duration": {
    "plan/workstreams/TD1-errors.md": replace("days: 2", "days: two weeks"),
  },
  "bad-enum": {
    "plan/workstreams/TD1-errors.md": replace("priority: high", "priority: urgent"),
  },
  "binary-file": {
    // The start of a PNG image saved as `.md`: NUL bytes (and bytes that are not UTF-8).
    "plan/workstreams/TD3-diagram.md": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  },
  "dependency-cycle": {
    "plan/waves.md": `# Integration Waves

| Wave | Name | Workstreams |
| --- | --- | --- |
| 1 | Everything | TD1, TD2, TD3 |
`,
    "plan/workstreams/TD1-errors.md": replace("priority: high", "depends_on: [TD2]"),
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "depends_on: [TD3]"),
    "plan/workstreams/TD3-api.md": `---
id: TD3
name: API Client
agent: python-pro
days: 2
depends_on: [TD1]
---

# TD3: API Client

## Goal

Refactor the API client on top of the new error handling.
`,
  },
  "duplicate-front-matter-key": {
    "plan/workstreams/TD1-errors.md": replace("priority: high", "priority: high\nagent: python-pro"),
  },
  "duplicate-id": {
    "plan/workstreams/TD1-retries.md": `---
id: TD1
name: Retries
agent: python-pro
days: 1
---

# TD1: Retries

## Goal

Retry failed API calls.
`,
  },
  "duplicate-wave-number": {
    "plan/waves.md": `# Integration Waves

| Wave | Name | Workstreams |
| --- | --- | --- |
| 1 | Errors | TD1 |
| 2 | Config | TD2 |
| 2 | Release | |
`,
  },
  "empty-file": {
    "plan/workstreams/TD3-api.md": "",
  },
  "field-given-twice": {
    "plan/workstreams/TD1-errors.md": `---
id: TD1
name: Error Handling
agent: python-pro
days: 2
priority: high
---

# TD1: Error Handling

**Days:** 3

## Goal

Standardise error handling and retries.
`,
  },
  "file-outside-collection": {
    "plan/notes/ideas.md": `# Ideas

- Maybe a dashboard later.
`,
  },
  "front-matter-list": {
    "plan/workstreams/TD2-config.md": `---
- id: TD2
- days: 1-2
- depends_on: [TD1]
---

# TD2: Config Management

## Goal

Replace scattered settings with one validated \`Config\` class.
`,
  },
  "malformed-yaml": {
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "depends_on: [TD1\npriority: critical"),
  },
  "missing-agent": {
    "plan/agents/backend-architect.md": BACKEND_ARCHITECT,
    "plan/workstreams/TD2-config.md": replace("agent: python-pro\n", ""),
  },
  "missing-project": {
    "plan/project.md": REMOVED,
  },
  "missing-required-field": {
    "plan/workstreams/TD2-config.md": replace("days: 1-2\n", ""),
  },
  "misspelled-schedule-field": {
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "depnds_on: [TD1]"),
  },
  "mixed-collection": {
    "plan/waves/3-release.md": `---
wave: 3
name: Release
---

# Release
`,
  },
  "non-utf8-file": {
    // A workstream saved as Latin-1: `é` is the single byte 0xE9, on line 3, column 14.
    "plan/workstreams/TD3-api.md": Uint8Array.from([...Buffer.from("---\nid: TD3\nname: API Caf"), 0xe9, ...Buffer.from("\ndays: 2\n---\n\n# TD3: API Client\n")]),
  },
  "ragged-table": {
    "plan/waves.md": replace(
      `| Wave | Name | Workstreams |
| --- | --- | --- |
| 1 | Errors | TD1 |`,
      `| Wave | Name | Day | Workstreams |
| --- | --- | --- | --- |
| 1 | Errors | 2 | TD1 |`,
    ),
  },
  "section-shape": {
    "plan/workstreams/TD1-errors.md": replace(
      "## Goal\n\nStandardise error handling and retries.",
      `## Deliverables

The module comes first:

- One \`errors.py\` module with the retry policy.
- Tests for every retry path.`,
    ),
  },
  "self-dependency": {
    "plan/workstreams/TD1-errors.md": replace("priority: high", "priority: high\ndepends_on: [TD1]"),
  },
  "session-missing-adr-and-risk": {
    "plan/decisions/0001-git-worktrees.md": `# 1. Git Worktrees for Parallel Work

* Status: accepted
* Date: 2025-10-16

## Context

Several agents work at once and must not share a working directory.

## Decision

Each workstream runs in its own git worktree.
`,
    "plan/risks/R1-config-delay.md": `---
id: R1
severity: high
workstreams: [TD2]
---

# R1: Config Delay Blocks Everything

## Mitigation

- Start TD2 first.
`,
    "plan/sessions/2025-10-16-kickoff.md": `# Session: Kick-off

**Duration:** 2 hours

## Decisions

- 0001
- 0002

## Risks

- R1
- R2
`,
  },
  "symlink-outside-plan": {
    // A link to a file beside the plan folder, not inside it.
    "outside.md": "---\nid: TD9\ndays: 1\n---\n",
    "plan/workstreams/TD9-linked.md": { symlink: "../../outside.md" },
  },
  "table-collection-without-table": {
    "plan/gates.md": `# Quality Gates

Every wave runs \`pytest tests/ -v\` and \`mypy src/\` before it merges.
`,
  },
  "unknown-adr-status": {
    "plan/decisions/0001-git-worktrees.md": `# 1. Git Worktrees for Parallel Work

* Status: under discussion
* Date: 2025-10-16

## Context

Several agents work at once and must not share a working directory.

## Decision

Each workstream runs in its own git worktree.
`,
  },
  "unknown-agent": {
    "plan/agents/backend-architect.md": BACKEND_ARCHITECT,
    "plan/workstreams/TD2-config.md": replace("agent: python-pro", "agent: pyhton-pro"),
  },
  "unknown-dependency": {
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "depends_on: [TD1, WS9]"),
  },
  "unknown-field-typo": {
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "priorty: high"),
  },
  "unknown-gate": {
    "plan/gates.md": `# Quality Gates

| Id | Name | Command |
| --- | --- | --- |
| tests | All tests pass | \`pytest tests/ -v\` |
| coverage | Coverage threshold | \`pytest --cov=src\` |
`,
    "plan/waves.md": `# Integration Waves

| Wave | Name | Workstreams | Gates |
| --- | --- | --- | --- |
| 1 | Errors | TD1 | tests |
| 2 | Config | TD2 | tests, coverge |
`,
  },
  "unknown-section-typo": {
    "plan/workstreams/TD1-errors.md": `---
id: TD1
name: Error Handling
agent: python-pro
days: 2
priority: high
---

# TD1: Error Handling

## Goal

Standardise error handling and retries.

## Deliverabels

- One \`errors.py\` module with the retry policy.
`,
  },
  "unknown-wave": {
    "plan/waves.md": replace("| 2 | Config | TD2 |\n", ""),
    "plan/workstreams/TD2-config.md": replace("depends_on: [TD1]", "depends_on: [TD1]\nwave: 3"),
  },
  "wave-missing-workstream": {
    "plan/waves.md": replace("| 2 | Config | TD2 |", "| 2 | Config | TD2, TD4 |"),
  },
};

/** Every scenario, sorted. */
export function scenarios(): string[] {
  return Object.keys(OVERLAYS).sort();
}

/** The full file tree of a scenario: the base plan with the scenario's overlay applied. */
function scenarioTree(name: string): FileTree {
  const overlay = OVERLAYS[name];
  if (!overlay) throw new Error(`unknown scenario ${name}`);
  const tree: Record<string, FileContent> = { ...BASE_PLAN };
  for (const [file, entry] of Object.entries(overlay)) {
    if (entry === REMOVED) delete tree[file];
    else if (isReplacement(entry)) tree[file] = replaced(name, file, tree[file], entry);
    else tree[file] = entry;
  }
  return tree;
}

function isReplacement(entry: FileContent | Replacement): entry is Replacement {
  return typeof entry === "object" && !(entry instanceof Uint8Array) && "from" in entry;
}

function replaced(name: string, file: string, base: FileContent | undefined, { from, to }: Replacement): string {
  // A replacement that matches nothing (or twice) would silently test the wrong plan.
  if (typeof base !== "string" || base.split(from).length !== 2) throw new Error(`${name}: ${file} does not contain ${JSON.stringify(from)} exactly once`);
  return base.replace(from, () => to);
}

/** Writes a scenario into a temporary folder, loads its plan and returns its diagnostics as `expected.txt` holds them. */
export async function scenarioOutput(name: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `paraplan-${name}-`));
  try {
    await writeFileTree(root, scenarioTree(name));
    const { diagnostics } = await loadPlan(path.join(root, "plan"), root);
    return formatText(diagnostics);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The golden file of a scenario. */
export function expectedPath(name: string): string {
  return path.join(INVALID_DIR, name, "expected.txt");
}

/** A small plan for the diff tests: six workstreams in two waves, two gates, two ADRs, written inline. */
export const DEMO_PLAN: Record<string, string> = {
  "plan/project.md": `---
name: demo
base_branch: main
---

# demo

## Summary

A small tool built by six workstreams in two waves.
`,
  "plan/agents/developer.md": `---
id: developer
name: Developer
---

# Developer

## Role

You are a developer who works alone in your own git worktree.
`,
  "plan/waves.md": `# Integration Waves

| Wave | Name | Branch |
| --- | --- | --- |
| 1 | Core | \`integration/wave1\` |
| 2 | Features | \`integration/wave2\` |
`,
  "plan/gates.md": `# Gates

| Id | Name | Command | Applies To |
| --- | --- | --- | --- |
| tests | Tests | \`npm test\` | all |
| lint | Lint | \`npm run lint\` | 2 |
`,
  "plan/workstreams/TD1-config.md": ws("TD1", "Config", 2, 1, [], ["src/config.ts"]),
  "plan/workstreams/TD2-parser.md": ws("TD2", "Parser", 2, 1, [], ["src/parser.ts", "src/util.ts"]),
  "plan/workstreams/TD3-report.md": ws("TD3", "Report", 2, 2, ["TD1"], ["src/report.ts"]),
  "plan/workstreams/WS1-docs.md": ws("WS1", "Docs", 1, 1, [], ["docs/guide.md"]),
  "plan/workstreams/WS2-cli.md": ws("WS2", "Cli", 3, 2, ["TD2"], ["src/cli.ts"]),
  "plan/workstreams/WS3-search.md": ws("WS3", "Search", 1, 2, [], ["src/search.ts"]),
  "plan/decisions/0001-use-json.md": `# 1. Use JSON for reports

- Status: accepted
- Date: 2026-11-02
- Workstreams: TD3

## Context

Reports need a format.

## Decision

Write reports as JSON.
`,
  "plan/decisions/0002-use-yaml.md": `# 2. Use YAML for reports

- Status: proposed
- Date: 2026-11-20
- Workstreams: TD3

## Context

People read the reports.

## Decision

Write reports as YAML.
`,
};

/** A workstream file of the demo plan. */
export function ws(id: string, name: string, days: number, wave: number, dependsOn: string[], owns: string[]): string {
  return `---
id: ${id}
name: ${name}
agent: developer
days: ${days}
wave: ${wave}
depends_on: [${dependsOn.join(", ")}]
owns: [${owns.join(", ")}]
---

# ${id}: ${name}

## Deliverables

- ${name} in \`${owns[0]}\`.
`;
}

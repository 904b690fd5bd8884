// Deterministic synthetic plans for the benchmark: workstreams with dependencies, owned files and
// sections; ADRs in Nygard and MADR form with 2–4 KB bodies; session logs.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** A small deterministic PRNG (mulberry32), so every run writes the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "plan agent merge wave branch worktree config retry client batch vector store session review gate coverage type schema cache index query render template parser model schedule conflict owner file test deploy metric health budget latency".split(
    " ",
  );

function sentence(rnd: () => number, words = 12): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
  const s = out.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rnd: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rnd, 8 + Math.floor(rnd() * 10))).join(" ");
}

/** Writes a plan of `records` records (45% workstreams, 45% ADRs, 10% sessions) into `dir/plan`. */
export async function writeSyntheticPlan(dir: string, records: number, seed = 42): Promise<{ files: number; bytes: number }> {
  const rnd = random(seed);
  const planDir = path.join(dir, "plan");
  await rm(planDir, { recursive: true, force: true });
  for (const sub of ["agents", "workstreams", "decisions", "sessions"]) await mkdir(path.join(planDir, sub), { recursive: true });
  const files: [string, string][] = [];
  const nWs = Math.max(2, Math.round(records * 0.45));
  const nAdr = Math.max(1, Math.round(records * 0.45));
  const nSessions = Math.max(1, records - nWs - nAdr);
  const waves = Math.max(1, Math.ceil(nWs / 40));
  const agents = ["python-pro", "backend-architect", "test-automator", "deployment-engineer"];

  files.push([
    "project.md",
    `---\nname: synthetic\nbase_commit: abc1234\nstart_date: 2026-01-05\nmax_parallel: 50\n---\n\n# synthetic\n\n## Summary\n\n${paragraph(rnd, 3)}\n\n## Resolution Protocol\n\n| File | Rule |\n| --- | --- |\n| \`src/shared/**\` | Merge both sides. |\n`,
  ]);
  for (const a of agents)
    files.push([
      `agents/${a}.md`,
      `---\nid: ${a}\nname: ${a}\n---\n\n# ${a}\n\n## Role\n\nYou are ${a}. ${paragraph(rnd, 2)}\n\n## Working Agreements\n\n- Plan before coding.\n- Keep progress.md current.\n`,
    ]);

  const wsId = (i: number) => `W${String(i + 1).padStart(5, "0")}`;
  const waveOf = (i: number) => Math.min(waves, 1 + Math.floor((i / nWs) * waves));
  for (let i = 0; i < nWs; i++) {
    // Dependencies only on earlier workstreams in the same or an earlier wave: a DAG the waves can honour.
    const deps = new Set<string>();
    for (let k = 0; k < 2; k++) {
      const j = i - 1 - Math.floor(rnd() * 30);
      if (j >= 0 && rnd() < 0.7) deps.add(wsId(j));
    }
    const days = rnd() < 0.2 ? `${1 + Math.floor(rnd() * 3)}-${4 + Math.floor(rnd() * 2)}` : String(1 + Math.floor(rnd() * 5));
    const shared = rnd() < 0.1 ? `\ntouches: [src/shared/common-${Math.floor(rnd() * 20)}.ts]` : "";
    files.push([
      `workstreams/${wsId(i)}-work-item-${i + 1}.md`,
      `---\nid: ${wsId(i)}\nname: Work Item ${i + 1}\nagent: ${agents[i % agents.length]}\ndays: ${days}\npriority: ${["critical", "high", "medium", "low"][i % 4]}\ndepends_on: [${[...deps].join(", ")}]\nwave: ${waveOf(i)}\nowns: [src/mod${i}/index.ts, tests/mod${i}/**]${shared}\n---\n\n# ${wsId(i)}: Work Item ${i + 1}\n\n## Goal\n\n${paragraph(rnd, 3)}\n\n## Context\n\n${paragraph(rnd, 4)}\n\n## Deliverables\n\n- ${sentence(rnd)}\n- ${sentence(rnd)}\n- ${sentence(rnd)}\n\n## Quality Gates\n\n- \`npm test -- mod${i}\` passes.\n- \`npm run lint\` is clean.\n`,
    ]);
  }
  const waveRows = Array.from({ length: waves }, (_, w) => {
    const members = Array.from({ length: nWs }, (_, i) => i)
      .filter((i) => waveOf(i) === w + 1)
      .map(wsId);
    return `| ${w + 1} | Wave ${w + 1} | | \`integration/wave${w + 1}\` | ${members.join(", ")} | 80 | tests |`;
  });
  files.push(["waves.md", `# Waves\n\n| Wave | Name | Day | Branch | Workstreams | Coverage | Gates |\n| --- | --- | --- | --- | --- | --- | --- |\n${waveRows.join("\n")}\n`]);
  files.push(["gates.md", "# Gates\n\n| Id | Name | Command | Threshold | Applies To |\n| --- | --- | --- | --- | --- |\n| tests | Tests | `npm test` | no failures | all |\n"]);

  for (let i = 0; i < nAdr; i++) {
    const n = String(i + 1).padStart(4, "0");
    const body = (k: number) => Array.from({ length: k }, () => paragraph(rnd, 4)).join("\n\n");
    const text =
      i % 2 === 0
        ? `# ${i + 1}. Decision number ${i + 1}\n\nDate: 2026-01-${String(1 + (i % 28)).padStart(2, "0")}\n\n## Status\n\nAccepted\n\n## Context\n\n${body(4)}\n\n## Decision\n\n${body(3)}\n\n## Consequences\n\n${body(3)}\n`
        : `# Decision number ${i + 1}\n\n* Status: proposed\n* Deciders: team\n* Date: 2026-02-${String(1 + (i % 28)).padStart(2, "0")}\n\n## Context and Problem Statement\n\n${body(3)}\n\n## Considered Options\n\n- Option A\n- Option B\n\n## Decision Outcome\n\n${body(3)}\n\n## Pros and Cons of the Options\n\n${body(2)}\n`;
    files.push([`decisions/${n}-decision-number-${i + 1}.md`, text]);
  }
  for (let i = 0; i < nSessions; i++) {
    const date = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    files.push([
      `sessions/${date}-session-${i + 1}.md`,
      `# Session: Session ${i + 1}\n\n**Date:** ${date}\n**Duration:** 2 hours\n\n## Summary\n\n${paragraph(rnd, 3)}\n\n## What Changed\n\n${paragraph(rnd, 4)}\n\n## Decisions\n\n- ${String(1 + (i % nAdr)).padStart(4, "0")}\n\n## Next Priorities\n\n### Priority 1\n\n**Owner:** PM\n**Action:** ${sentence(rnd)}\n\n## Lessons Learned\n\n### One\n\n${paragraph(rnd, 2)}\n\n## Statistics\n\n- **Files:** ${i}\n`,
    ]);
  }
  let bytes = 0;
  for (const [rel, text] of files) {
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(planDir, rel), text);
  }
  return { files: files.length, bytes };
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes into `root/plan` a plan of `count` workstreams and nothing else of size (no ADRs, no session logs): waves of
 * 40 in a row, dependencies on recent earlier workstreams, owned files, and a few files two workstreams share. Deterministic,
 * like the bench's synthetic plan, but sized in workstreams rather than records.
 */
export async function writeLargePlan(root: string, count: number): Promise<void> {
  const planDir = path.join(root, "plan");
  await mkdir(path.join(planDir, "workstreams"), { recursive: true });
  await mkdir(path.join(planDir, "agents"), { recursive: true });
  const agents = ["backend", "frontend", "tester", "deployer"];
  const waves = Math.max(1, Math.ceil(count / 40));
  const id = (i: number) => `W${String(i + 1).padStart(5, "0")}`;
  const waveOf = (i: number) => 1 + Math.floor(i / 40);
  const writes: Promise<void>[] = [];
  writes.push(
    writeFile(
      path.join(planDir, "project.md"),
      "---\nname: large\nstart_date: 2026-01-05\n---\n\n# large\n\n## Summary\n\nA plan of many workstreams.\n\n## Resolution Protocol\n\n| File | Rule |\n| --- | --- |\n| `src/shared/**` | Merge both sides. |\n",
    ),
  );
  for (const a of agents) writes.push(writeFile(path.join(planDir, "agents", `${a}.md`), `---\nid: ${a}\nname: ${a}\n---\n\n# ${a}\n\n## Role\n\nYou are the ${a}.\n`));
  for (let i = 0; i < count; i++) {
    // Same wave, earlier workstreams only, and each wave's first on the last of the wave before: waves in a row.
    const first = (waveOf(i) - 1) * 40;
    const deps = (i === first ? [i - 1] : [i - 1, i - 3].filter((j) => j >= first && i % 3 !== 0)).filter((j) => j >= 0).map(id);
    const touches = i % 10 === 0 ? `\ntouches: [src/shared/common-${Math.floor(i / 10) % 70}.ts]` : "";
    writes.push(
      writeFile(
        path.join(planDir, "workstreams", `${id(i)}.md`),
        `---\nid: ${id(i)}\nname: Work Item ${i + 1}\nagent: ${agents[i % agents.length]}\ndays: ${1 + (i % 4)}\ndepends_on: [${deps.join(", ")}]\nwave: ${waveOf(i)}\nowns: [src/mod${i}/index.ts]${touches}\n---\n\n# ${id(i)}: Work Item ${i + 1}\n\n## Goal\n\nBuild module ${i + 1}.\n\n## Deliverables\n\n- \`src/mod${i}/index.ts\`.\n`,
      ),
    );
    // Bounded concurrency of open files.
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  const rows = Array.from({ length: waves }, (_, w) => `| ${w + 1} | Wave ${w + 1} | \`integration/wave${w + 1}\` |`);
  writes.push(writeFile(path.join(planDir, "waves.md"), `# Integration Waves\n\n| Wave | Name | Branch |\n| --- | --- | --- |\n${rows.join("\n")}\n`));
  await Promise.all(writes);
}

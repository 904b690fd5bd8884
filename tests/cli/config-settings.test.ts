/** paraplan.config.json: a default decision status and a severity per code (#17.20). */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/** A copy of the repository's plan with `count` more ADRs that write no status. */
async function project(count: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-config-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
  // The embedded plan has no warning: planning wave 2 a day early gives one (wave-late).
  const waves = path.join(root, "plan", "waves.md");
  await writeFile(waves, (await readFile(waves, "utf8")).replace("| Error Handling and Test Infrastructure | 4 |", "| Error Handling and Test Infrastructure | 3 |"));
  for (let i = 0; i < count; i++) {
    const n = 10 + i;
    await writeFile(path.join(root, "plan", "decisions", `00${n}-old-${n}.md`), `# ${n}. Old ${n}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`);
  }
  return root;
}

describe("decisions without a status", () => {
  it("are one warning with a count when many, and take the configured default status instead", async () => {
    const root = await project(6);
    const plain = await runInProcess(["validate"], root);
    expect(plain.stdout.match(/decisions-without-status/g)).toHaveLength(1);
    expect(plain.stdout).toContain("warning decisions-without-status 6 of 9 decisions write no status and are listed as proposed");
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ decisions: { defaultStatus: "accepted" } }));
    expect((await runInProcess(["validate"], root)).stdout).not.toContain("decisions-without-status");
    const queue = JSON.parse((await runInProcess(["list", "decisions", "--status", "proposed", "--json"], root)).stdout) as unknown[];
    expect(queue).toEqual([]);
    const accepted = JSON.parse((await runInProcess(["list", "decisions", "--status", "accepted", "--json"], root)).stdout) as unknown[];
    expect(accepted.length).toBeGreaterThanOrEqual(6);
  });
});

describe("severity by code", () => {
  it("turns a code off, or makes it a warning or an error; check --strict passes when the warnings are off", async () => {
    const root = await project(0);
    const before = await runInProcess(["validate"], root);
    const codes = [...new Set([...before.stdout.matchAll(/ warning ([a-z-]+) /g)].map((m) => m[1]!))];
    expect(codes.length).toBeGreaterThan(0);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ severity: Object.fromEntries(codes.map((c) => [c, "off"])) }));
    const off = await runInProcess(["validate"], root);
    expect(off.stdout).toBe("");
    expect(off.stderr).toBe("0 errors, 0 warnings\n");
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect((await runInProcess(["check", "--strict"], root)).code).toBe(0);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ severity: { [codes[0]!]: "error" } }));
    const error = await runInProcess(["validate"], root);
    expect(error.code).toBe(1);
    expect(error.stdout).toContain(` error ${codes[0]!} `);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ severity: { [codes[0]!]: "loud" } }));
    const bad = await runInProcess(["validate"], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("paraplan.config.json");
  });
});

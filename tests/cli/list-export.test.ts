/** `paraplan list` and `paraplan export` in-process on the repository's own plan (#17.15). */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findField, KINDS } from "../../src/schema/record-kinds.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const plan = ["--plan", path.join(REPO, "plan")];

describe("list --json", () => {
  it("gives typed values and camelCase keys, as export does", async () => {
    const result = await runInProcess(["list", "workstreams", "--json", ...plan], REPO);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    const td2 = rows.find((r) => r.id === "TD2")!;
    expect(td2.days).toEqual({ low: 1, high: 2, text: "1-2" });
    expect(typeof td2.start).toBe("number");
    expect(typeof td2.critical).toBe("boolean");
    const decisions = JSON.parse((await runInProcess(["list", "decisions", "--json", ...plan], REPO)).stdout) as Record<string, unknown>[];
    expect(Object.keys(decisions[0]!)).toEqual(["number", "title", "status", "writtenAs", "date", "supersededBy", "file"]);
    expect(decisions[0]!.number).toBe(1);
    for (const row of [...rows, ...decisions]) for (const key of Object.keys(row)) expect(key).toMatch(/^[a-z][A-Za-z]*$/);
  });

  it("lists agents, waves and gates", async () => {
    const waves = JSON.parse((await runInProcess(["list", "waves", "--json", ...plan], REPO)).stdout) as { number: number; workstreams: string[] }[];
    expect(waves.map((w) => w.number)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.isArray(waves[0]!.workstreams)).toBe(true);
    const agents = await runInProcess(["list", "agents", ...plan], REPO);
    expect(agents.stdout.split("\n")[0]).toMatch(/^id +name +role$/);
    expect(agents.stdout).toContain("python-pro");
    const gates = await runInProcess(["list", "gates", ...plan], REPO);
    expect(gates.code).toBe(0);
    expect(gates.stdout.split("\n")[0]).toMatch(/^id +name +command +threshold +applies to$/);
  });
});

describe("list --status", () => {
  it("refuses a status the kind does not have, listing the valid ones from the schema (exit 2)", async () => {
    // The valid values are the schema's, whatever they are.
    const valid = findField(
      KINDS.find((k) => k.kind === "workstream")!,
      "status",
    )!.values!;
    const result = await runInProcess(["list", "workstreams", "--status", "bogus", ...plan], REPO);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`paraplan: \`bogus\` is not a status of workstreams; valid: ${valid.join(", ")}\n`);
    const near = await runInProcess(["list", "decisions", "--status", "acepted", ...plan], REPO);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain("hint: Did you mean `accepted`?");
    const none = await runInProcess(["list", "waves", "--status", "done", ...plan], REPO);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("waves have no status");
  });

  it("still filters by a valid status, in any case", async () => {
    const result = await runInProcess(["list", "risks", "--status", "Monitoring", ...plan], REPO);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(2);
  });
});

describe("export", () => {
  it("prints JSON without --json, JSON being its only format", async () => {
    const plain = await runInProcess(["export", ...plan], REPO);
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as { schemaVersion: number }).schemaVersion).toBe(1);
    expect((await runInProcess(["export", "--json", ...plan], REPO)).stdout).toBe(plain.stdout);
  });
});

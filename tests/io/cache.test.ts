import { mkdtemp, mkdir, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDiskCache } from "../../src/io/disk-cache.js";
import { readPlan, type ParseCache } from "../../src/io/read-plan.js";

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function project() {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-cache-"));
  await mkdir(path.join(root, "plan", "agents"), { recursive: true });
  await writeFile(path.join(root, "plan", "project.md"), "---\nname: cached\n---\n\n# cached\n");
  await writeFile(path.join(root, "plan", "agents", "dev.md"), "---\nname: Dev\n---\n\n# Dev\n\n## Role\n\nYou are a dev.\n");
  return { root, plan: path.join(root, "plan"), cache: path.join(root, ".paraplan-cache") };
}

const agentName = (result: Awaited<ReturnType<typeof readPlan>>) => result.files.find((f) => f.kind === "agent")?.records[0]?.fields.get("name")?.value;

describe("the parse cache", () => {
  it("gives the same parse as no cache, on a hit, after an edit, a rename and a delete; prune drops unused entries", async () => {
    const { root, plan, cache } = await project();
    const uncached = await readPlan(plan, root);
    const first = await readPlan(plan, root, { disk: openDiskCache(cache) });
    expect(first).toEqual(uncached);
    expect(await files(path.join(cache, "parse"))).toHaveLength(2);

    const hit = await readPlan(plan, root, { disk: openDiskCache(cache) });
    expect(hit).toEqual(uncached);

    await writeFile(path.join(plan, "agents", "dev.md"), "---\nname: Developer\n---\n\n# Developer\n");
    expect(agentName(await readPlan(plan, root, { disk: openDiskCache(cache) }))).toBe("Developer");

    await rename(path.join(plan, "agents", "dev.md"), path.join(plan, "agents", "engineer.md"));
    const renamed = openDiskCache(cache);
    const afterRename = await readPlan(plan, root, { disk: renamed });
    expect(afterRename.files.map((f) => f.file)).toEqual(["plan/agents/engineer.md", "plan/project.md"]);
    expect(afterRename.files[0]!.records[0]!.stem).toBe("engineer");
    await renamed.prune();
    expect(await files(path.join(cache, "parse"))).toHaveLength(2);

    await rm(path.join(plan, "agents", "engineer.md"));
    const deleted = openDiskCache(cache);
    expect((await readPlan(plan, root, { disk: deleted })).files.map((f) => f.file)).toEqual(["plan/project.md"]);
    await deleted.prune();
    expect(await files(path.join(cache, "parse"))).toHaveLength(1);
  });

  it("treats a corrupt entry as a miss and parses again", async () => {
    const { root, plan, cache } = await project();
    const expected = await readPlan(plan, root);
    await readPlan(plan, root, { disk: openDiskCache(cache) });
    for (const file of await files(cache)) await writeFile(file, "not a serialized record");
    expect(await readPlan(plan, root, { disk: openDiskCache(cache) })).toEqual(expected);
    for (const file of await files(cache)) await writeFile(file, "");
    expect(await readPlan(plan, root, { disk: openDiskCache(cache) })).toEqual(expected);
  });

  it("never serves entries written by another paraplan version", async () => {
    const { cache } = await project();
    await openDiskCache(cache, "1.0.0").set("parse", "input", "old output");
    expect((await openDiskCache(cache, "1.0.0").get("parse", "input"))?.toString()).toBe("old output");
    expect(await openDiskCache(cache, "1.0.1").get("parse", "input")).toBeUndefined();
  });

  it("keeps parsed files in memory between builds and forgets deleted ones (watch)", async () => {
    const { root, plan } = await project();
    const memory: ParseCache = new Map();
    await readPlan(plan, root, { memory });
    expect([...memory.keys()].sort()).toEqual(["plan/agents/dev.md", "plan/project.md"]);
    const before = memory.get("plan/project.md");
    await readPlan(plan, root, { memory });
    expect(memory.get("plan/project.md")?.parsed).toBe(before?.parsed);
    await rm(path.join(plan, "agents", "dev.md"));
    await readPlan(plan, root, { memory });
    expect([...memory.keys()]).toEqual(["plan/project.md"]);
    expect(await readFile(path.join(plan, "project.md"), "utf8")).toContain("cached");
  });

  it("does not trust the size and time of a file read within a tick of its last change (watch)", async () => {
    const { root, plan } = await project();
    const file = path.join(plan, "project.md");
    const memory: ParseCache = new Map();
    const text = await readFile(file, "utf8");
    // Read just after a change: its time is "now".
    const tick = new Date();
    await utimes(file, tick, tick);
    await readPlan(plan, root, { memory });
    // Changed again within the same tick, at the same size: the time does not move.
    await writeFile(file, text.replace("cached", "CACHED"));
    await utimes(file, tick, tick);
    const again = await readPlan(plan, root, { memory });
    expect(again.files.find((f) => f.file === "plan/project.md")!.records[0]!.fields.get("name")?.value).toBe("CACHED");
    // Once its time is well past, the file is known by its size and time, and not read again.
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    await readPlan(plan, root, { memory });
    const kept = memory.get("plan/project.md");
    await readPlan(plan, root, { memory });
    expect(memory.get("plan/project.md")).toBe(kept);
  });
});

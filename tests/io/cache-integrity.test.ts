/** #18.15: a cache entry carries the hashes of its input and its data; an edited or moved entry is a miss. */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDiskCache } from "../../src/io/disk-cache.js";
import { readPlan } from "../../src/io/read-plan.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-cache-integrity-"));
  await mkdir(path.join(root, "plan", "agents"), { recursive: true });
  await writeFile(path.join(root, "plan", "project.md"), "---\nname: cached\n---\n\n# cached\n");
  await writeFile(path.join(root, "plan", "agents", "dev.md"), "---\nname: Developer\n---\n\n# Developer\n\n## Role\n\nYou are a dev.\n");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function entries(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return found.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const agentName = (result: Awaited<ReturnType<typeof readPlan>>) => result.files.find((f) => f.kind === "agent")?.records[0]?.fields.get("name")?.value;

describe("cache entries", () => {
  it("an entry whose data was edited (same length, so it still decodes) is a miss: the plan's own text wins", async () => {
    const cache = path.join(root, ".paraplan-cache");
    const plan = path.join(root, "plan");
    await readPlan(plan, root, { disk: openDiskCache(cache) });
    let tampered = 0;
    for (const file of await entries(cache)) {
      const bytes = await readFile(file);
      const at = bytes.indexOf("Developer", 0, "latin1");
      if (at < 0) continue;
      // Every copy of the name, so the entry stays a valid serialisation with another name in it.
      await writeFile(file, Buffer.from(bytes.toString("latin1").replaceAll("Developer", "Mallorypw"), "latin1"));
      tampered++;
    }
    expect(tampered).toBe(1);
    expect(agentName(await readPlan(plan, root, { disk: openDiskCache(cache) }))).toBe("Developer");
  });

  it("an entry copied under another entry's name, or cut short, is a miss", async () => {
    const cache = openDiskCache(path.join(root, "c"));
    await cache.set("parse", "first", "one");
    await cache.set("parse", "second", "two");
    const [a, b] = await entries(path.join(root, "c"));
    const firstFile = (await readFile(a!)).toString("latin1").endsWith("one") ? a! : b!;
    const secondFile = firstFile === a ? b! : a!;
    expect((await cache.get("parse", "first"))?.toString()).toBe("one");
    await copyFile(secondFile, firstFile);
    expect(await cache.get("parse", "first")).toBeUndefined();
    expect((await cache.get("parse", "second"))?.toString()).toBe("two");
    const bytes = await readFile(secondFile);
    await writeFile(secondFile, bytes.subarray(0, bytes.length - 1));
    expect(await cache.get("parse", "second")).toBeUndefined();
  });
});

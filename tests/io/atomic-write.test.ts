import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomic } from "../../src/io/atomic-write.js";
import { createNewFile } from "../../src/io/create-new-file.js";

const folder = () => mkdtemp(path.join(os.tmpdir(), "paraplan-atomic-"));

describe("writeAtomic", () => {
  it("creates or replaces a file, flushed or not, and leaves no temporary file", async () => {
    const dir = await folder();
    const file = path.join(dir, "x.json");
    await writeAtomic(file, "one");
    await writeAtomic(file, Buffer.from("two"), { flush: false });
    expect(await readFile(file, "utf8")).toBe("two");
    expect(await readdir(dir)).toEqual(["x.json"]);
  });

  it("leaves every reader a whole version while many writes race", async () => {
    const dir = await folder();
    const file = path.join(dir, "x.txt");
    const versions = Array.from({ length: 20 }, (_, i) => String(i).repeat(50_000));
    await writeAtomic(file, versions[0]!);
    const reads: string[] = [];
    await Promise.all([...versions.map((v) => writeAtomic(file, v, { flush: false })), ...versions.map(async () => reads.push(await readFile(file, "utf8")))]);
    expect(reads.filter((r) => !versions.includes(r))).toEqual([]);
    expect(await readdir(dir)).toEqual(["x.txt"]);
  });
});

describe("createNewFile", () => {
  it("creates a file with its content, and never replaces one", async () => {
    const dir = await folder();
    const file = path.join(dir, "new.md");
    expect(await createNewFile(file, "first")).toBe(true);
    expect(await createNewFile(file, "second")).toBe(false);
    expect(await readFile(file, "utf8")).toBe("first");
    await writeFile(path.join(dir, "there.md"), "by hand");
    expect(await createNewFile(path.join(dir, "there.md"), "mine")).toBe(false);
    expect(await readFile(path.join(dir, "there.md"), "utf8")).toBe("by hand");
    expect((await readdir(dir)).sort()).toEqual(["new.md", "there.md"]);
  });

  it("lets exactly one of many concurrent creators win, whose whole content the file holds", async () => {
    const dir = await folder();
    const file = path.join(dir, "lock");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => createNewFile(file, `writer ${i}\n`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await readFile(file, "utf8")).toBe(`writer ${results.indexOf(true)}\n`);
    expect(await readdir(dir)).toEqual(["lock"]);
  });
});

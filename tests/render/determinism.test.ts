import { mkdtemp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

async function planFiles(dir: string, prefix = ""): Promise<{ rel: string; text: string }[]> {
  const out: { rel: string; text: string }[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await planFiles(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push({ rel: `${prefix}${e.name}`, text: await readFile(path.join(dir, e.name), "utf8") });
  }
  return out;
}

/** Copies a plan into a new temporary project, creating its files in the given order. */
async function copyInOrder(files: { rel: string; text: string }[]): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-order-"));
  for (const f of files) {
    const target = path.join(root, "plan", f.rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.text);
  }
  return root;
}

describe("determinism", () => {
  it("gives byte-identical output for copies of a plan whose files were created in different orders", async () => {
    const files = await planFiles(path.join(REPO, "plan"));
    const forward = await copyInOrder(files);
    const backward = await copyInOrder([...files].reverse());
    const a = await renderPlan(path.join(forward, "plan"), forward);
    const b = await renderPlan(path.join(backward, "plan"), backward);
    expect(a.files.length).toBeGreaterThan(10);
    expect(b.byPath).toEqual(a.byPath);
    // And the same bytes as the repository's own render: no absolute paths, no timestamps.
    const own = await renderPlan(path.join(REPO, "plan"), REPO);
    expect(a.byPath).toEqual(own.byPath);
    for (const content of Object.values(a.byPath)) {
      expect(content.endsWith("\n") && !content.endsWith("\n\n")).toBe(true);
      expect(content).not.toContain("\r");
      expect(content).not.toContain(os.tmpdir());
    }
  });
});

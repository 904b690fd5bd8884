/** `out/amendments/` is `amend --all`'s, not a build output: check neither calls its files stale nor extra (#20). */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extraFiles, unexpectedOutputs } from "../../src/io/compare-outputs.js";
import { withHeader } from "../../src/render/generated-header.js";

describe("the amendments folder in out/", () => {
  it("is left out of the orphan and extra listings, while the same files elsewhere are reported", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "paraplan-amendments-"));
    for (const dir of ["amendments", "prompts", "other"]) await mkdir(path.join(out, dir));
    await writeFile(path.join(out, "amendments", "TD3_REPORT.md"), "# Amendment for TD3: Report\n");
    await writeFile(path.join(out, "amendments", "OLD.md"), withHeader("# generated once\n"));
    await writeFile(path.join(out, "other", "TD3_REPORT.md"), "# Amendment for TD3: Report\n");
    await writeFile(path.join(out, "prompts", "GONE.md"), withHeader("# generated once\n"));
    expect((await unexpectedOutputs(out, new Set())).map((s) => `${s.kind} ${s.path}`)).toEqual(["orphan prompts/GONE.md"]);
    expect(await extraFiles(out, new Set(), new Set(["prompts/GONE.md"]))).toEqual(["other/TD3_REPORT.md"]);
  });
});

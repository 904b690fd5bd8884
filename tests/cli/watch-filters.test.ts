/** What `watch` rebuilds for and prints (#17.18). */
import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/diagnostic.js";
import { buildInput, freshDiagnostics } from "../../src/cli/watch-filters.js";

describe("buildInput", () => {
  it("takes plan records, templates, the config and folders; not temporary files of editors or of atomic writes", () => {
    for (const file of ["plan/workstreams/AU4-rate-limiting.md", "templates/prompt.md.hbs", "paraplan.config.json"]) expect(buildInput("change", file), file).toBe(true);
    expect(buildInput("addDir", "templates")).toBe(true);
    for (const file of ["plan/workstreams/AU4-rate-limiting.md.3847.1796517194654.tmp", "templates/sed11xm3A", "plan/4913", "plan/x.md~", "plan/.x.md.swp"])
      expect(buildInput("add", file), file).toBe(false);
  });
});

describe("freshDiagnostics", () => {
  const at = (line: number) => ({ file: "plan/waves.md", start: { line, column: 1 }, end: { line, column: 1 } });
  const late = diagnostic("warning", "wave-late", at(6), "wave 2 is late", "plan it later");
  const gap = diagnostic("warning", "no-wave", at(7), "no wave merges X", "add a wave");
  const broken = diagnostic("error", "unknown-agent", at(8), "unknown agent", "fix it");

  it("prints everything the first time, then only new warnings and every error, counting the rest", () => {
    expect(freshDiagnostics(undefined, [late, gap])).toEqual({ shown: [late, gap], repeated: 0 });
    expect(freshDiagnostics([late, gap], [late, gap])).toEqual({ shown: [], repeated: 2 });
    // A warning that moved (lines shift when text is inserted) is not new.
    const moved = { ...late, start: { line: 9, column: 1 }, end: { line: 9, column: 1 } };
    expect(freshDiagnostics([late], [moved, broken])).toEqual({ shown: [broken], repeated: 1 });
    expect(freshDiagnostics([late, broken], [late, broken])).toEqual({ shown: [broken], repeated: 1 });
  });
});

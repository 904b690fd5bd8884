import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutsideFolderError } from "../../src/diagnostics/errors.js";
import { insideFolder, isWithin } from "../../src/io/inside-folder.js";

describe("isWithin", () => {
  const root = path.resolve("/project/out");

  it("takes the folder itself and everything under it", () => {
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(root, path.join(root, "a.md"))).toBe(true);
    expect(isWithin(root, path.join(root, "prompts", "TD1.md"))).toBe(true);
    // A name that only starts with dots is a name, not a way up.
    expect(isWithin(root, path.join(root, "..notes.md"))).toBe(true);
    expect(isWithin(root, path.join(root, "..", "out", "x.md"))).toBe(true);
  });

  it("refuses the parent, a sibling that shares the folder's name as a prefix, and anything elsewhere", () => {
    expect(isWithin(root, path.dirname(root))).toBe(false);
    expect(isWithin(root, `${root}-old`)).toBe(false);
    expect(isWithin(root, `${root}-old/a.md`)).toBe(false);
    expect(isWithin(root, path.join(root, "..", "plan", "x.md"))).toBe(false);
    expect(isWithin(root, path.resolve("/etc/passwd"))).toBe(false);
  });
});

describe("insideFolder", () => {
  it("resolves a relative path inside the folder, and refuses a way out, an absolute path and a NUL byte", () => {
    const root = path.resolve("/project/out");
    expect(insideFolder(root, "prompts/TD1.md")).toBe(path.join(root, "prompts", "TD1.md"));
    for (const rel of ["../x.md", "a/../../x.md", path.resolve("/etc/passwd"), "a\0.md"]) expect(() => insideFolder(root, rel)).toThrow(OutsideFolderError);
  });
});

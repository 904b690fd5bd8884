import { describe, expect, it } from "vitest";
import { changedPaths, parseNameStatus, parsePorcelainStatus } from "../../src/git/branch-changes.js";

describe("parseNameStatus", () => {
  it("reads statuses, and both paths of a rename or copy", () => {
    const changes = parseNameStatus(["M", "a b.txt", "R087", "old.ts", "new.ts", "D", "-x", "C100", "s", "t", ""].join("\0"));
    expect(changes).toEqual([
      { path: "a b.txt", status: "M", where: "committed" },
      { path: "new.ts", from: "old.ts", status: "R", where: "committed" },
      { path: "-x", status: "D", where: "committed" },
      { path: "t", from: "s", status: "C", where: "committed" },
    ]);
    expect(changedPaths(changes)).toEqual(["-x", "a b.txt", "new.ts", "old.ts", "s", "t"]);
  });
});

describe("parsePorcelainStatus", () => {
  it("reads staged, unstaged, untracked and renamed entries", () => {
    const changes = parsePorcelainStatus([" M src/a.ts", "?? new file.txt", "R  to.ts", "from.ts", "UU both.ts", "A  added.ts", ""].join("\0"));
    expect(changes).toEqual([
      { path: "src/a.ts", status: "M", where: "uncommitted" },
      { path: "new file.txt", status: "?", where: "uncommitted" },
      { path: "to.ts", from: "from.ts", status: "R", where: "uncommitted" },
      { path: "both.ts", status: "U", where: "uncommitted" },
      { path: "added.ts", status: "A", where: "uncommitted" },
    ]);
  });
});

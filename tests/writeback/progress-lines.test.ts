import { describe, expect, it } from "vitest";
import { parseProgress } from "../../src/git/progress-file.js";
import { setProgressLines } from "../../src/writeback/progress-lines.js";

describe("setProgressLines: the head of progress.md", () => {
  it("creates the prompt's layout when there is no file", () => {
    expect(setProgressLines(undefined, "TD2", { Next: "write tests", Status: "coding" })).toBe("# TD2 progress\n\n- Status: coding\n- Next: write tests\n");
  });

  it("changes only the values of the given lines, keeping bullets, spacing, case, CRLF and every other line", () => {
    const before = "# TD2 progress\r\n\r\n* status:  planning\r\n- Done: nothing\r\n- Gates: none\r\n\r\nNotes.\r\n";
    expect(setProgressLines(before, "TD2", { Status: "testing", Done: "the parser\nand its tests" })).toBe(
      "# TD2 progress\r\n\r\n* status:  testing\r\n- Done: the parser and its tests\r\n- Gates: none\r\n\r\nNotes.\r\n",
    );
  });

  it("adds a missing line after the last progress line, or after the heading, or at the top", () => {
    expect(setProgressLines("# X\n\n- Status: coding\n\nMore.\n", "X", { Blockers: "none" })).toBe("# X\n\n- Status: coding\n- Blockers: none\n\nMore.\n");
    expect(setProgressLines("# X progress\n\nFree text.\n", "X", { Status: "coding" })).toBe("# X progress\n\n- Status: coding\n\nFree text.\n");
    expect(setProgressLines("Free text.\n", "X", { Status: "coding" })).toBe("- Status: coding\n\nFree text.\n");
  });

  it("recognises every form `paraplan status` reads, outside fenced code, and sets what status then reads", () => {
    const before = "# X\n\n```markdown\n- Status: example\n```\n\n**Status:** planning\nBlocker: none\n";
    const after = setProgressLines(before, "X", { Status: "blocked", Blockers: "waiting for TD2" });
    expect(after).toBe("# X\n\n```markdown\n- Status: example\n```\n\n**Status:** blocked\nBlocker: waiting for TD2\n");
    expect(parseProgress(after)).toEqual({ status: "blocked", blockers: "waiting for TD2" });
    expect(parseProgress(setProgressLines(undefined, "X", { Status: "coding", Blockers: "none" }))).toEqual({ status: "coding", blockers: "none" });
  });
});

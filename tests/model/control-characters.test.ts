/** #18.13: one-line fields refuse control characters and direction overrides; printed values escape them. */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { diagnostic, FILE_START } from "../../src/diagnostics/diagnostic.js";
import { terminalTable } from "../../src/cli/terminal-table.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { tempProject } from "../helpers/temp-project.js";

// eslint-disable-next-line no-control-regex -- what must never reach a terminal
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let root: string;
beforeEach(async () => {
  root = await tempProject("tiny", "paraplan-control-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const put = (rel: string, text: string) => writeFile(path.join(root, "plan", rel), text);

describe("one-line fields", () => {
  it("refuse an escape sequence, a NUL, a newline and U+202E, each with its position, and print them escaped", async () => {
    // YAML double quotes: `\e` is ESC, `\0` NUL, `\n` a newline, `\u202E` the right-to-left override.
    await put("agents/developer.md", '---\nid: developer\nname: "Dev\\e[2K\\e[1Aeloper"\n---\n\n# Developer\n');
    await put("workstreams/A3.md", '---\nid: "A\\03"\nname: Three\nagent: developer\ndays: 1\n---\n\n# Three\n');
    await put("workstreams/A4.md", '---\nid: A4\nname: "Four\\nFive"\nagent: developer\ndays: 1\n---\n\n# Four\n');
    await put("workstreams/A5.md", '---\nid: A5\nname: "exe.\\u202Emd"\nagent: developer\ndays: 1\ndepends_on: [A1, "A\\e2"]\n---\n\n# Five\n');
    const result = await runInProcess(["validate"], root);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n").filter((l) => l.includes("control-character"));
    expect(lines).toEqual([
      "plan/agents/developer.md:3:7 error control-character `name` is `Dev\\x1b[2K\\x1b[1Aeloper`: a one-line field may not hold a control character or a direction override (`\\x1b`)",
      "plan/workstreams/A3.md:2:5 error control-character `id` is `A\\x003`: a one-line field may not hold a control character or a direction override (`\\x00`)",
      "plan/workstreams/A4.md:3:7 error control-character `name` is `Four\\nFive`: a one-line field may not hold a control character or a direction override (`\\n`)",
      expect.stringMatching(/^plan\/workstreams\/A5\.md:3:7 error control-character `name` is `exe\.\\u202emd`/),
      expect.stringMatching(/^plan\/workstreams\/A5\.md:6:\d+ error control-character `depends_on` is `A\\x1b2`/),
    ]);
    expect(result.stdout + result.stderr).not.toMatch(RAW);
    const generate = await runInProcess(["generate"], root);
    expect(generate.code).toBe(1);
  });

  it("a tab stays a tab", async () => {
    await put("workstreams/A3.md", '---\nid: A3\nname: "Tab\\there"\nagent: developer\ndays: 1\n---\n\n# Three\n');
    expect((await runInProcess(["validate"], root)).stdout).not.toContain("control-character");
  });
});

describe("printed values", () => {
  it("diagnostics escape control characters in file names, messages, hints and related places", () => {
    const at = { file: "plan/\u001b[2Jx.md", ...FILE_START };
    const d = diagnostic("error", "unknown-agent", at, "agent `\u001b]0;pwned\u0007` is not defined", "Use \u202eone", [{ ...at, message: "see \u009b31m" }]);
    for (const format of ["text", "github"] as const) {
      const text = formatDiagnostics([d], format);
      expect(text, format).not.toMatch(RAW);
      expect(text, format).toContain("\\x1b]0;pwned\\x07");
    }
  });

  it("terminal tables escape them", () => {
    const table = terminalTable(["id", "name"], [["A1", "x\u001b[2Ky\u202e"]]);
    expect(table).not.toMatch(RAW);
    expect(table).toContain("x\\x1b[2Ky\\u202e");
  });
});

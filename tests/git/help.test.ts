import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

// The git commands, held to what tests/cli/commands.e2e.test.ts asks of every command.
const GIT_COMMANDS = ["worktrees", "worktrees remove", "status"];

describe("the git commands' help and README", () => {
  it.each(GIT_COMMANDS)("`%s --help` explains the command with an example", async (command) => {
    const result = await runInProcess([...command.split(" "), "--help"], REPO);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: paraplan /);
    expect(result.stdout).toContain("Examples:\n  paraplan ");
  });

  it("the README's command reference names each git command and every option of its --help", async () => {
    const readme = await readFile(path.join(REPO, "README.md"), "utf8");
    const reference = readme.slice(readme.indexOf("## Commands"), readme.indexOf("### Diagnostics"));
    for (const command of GIT_COMMANDS) {
      expect(reference, `README lacks \`paraplan ${command}\``).toContain(`paraplan ${command}`);
      const help = (await runInProcess([...command.split(" "), "--help"], REPO)).stdout;
      for (const [, flag] of help.matchAll(/^ {2}(--[a-z-]+)/gm)) {
        if (flag === "--help") continue;
        expect(reference, `README lacks ${flag} of ${command}`).toContain(flag!);
      }
    }
    expect(readme).toContain("## Running the plan");
  });
});

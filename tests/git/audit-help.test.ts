import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

// The same checks as the command reference test of tests/cli, for the git commands of this feature.
describe.each(["audit", "forecast"])("`paraplan %s`", (command) => {
  it("has --help with examples, and the README names the command, every option and its exit codes", async () => {
    const help = await runInProcess([command, "--help"], REPO);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: paraplan /);
    expect(help.stdout).toContain("Examples:\n  paraplan ");
    expect(help.stdout).toContain("Exit codes:");
    const readme = await readFile(path.join(REPO, "README.md"), "utf8");
    const reference = readme.slice(readme.indexOf("## Commands"), readme.indexOf("## Generated files"));
    expect(reference).toContain(`paraplan ${command}`);
    for (const [, flag] of help.stdout.matchAll(/^ {2}(--[a-z-]+)/gm)) if (flag !== "--help") expect(reference, `README lacks ${flag} of ${command}`).toContain(flag!);
    expect(reference.slice(reference.indexOf("### Exit codes"))).toContain(`\`${command}`);
  });
});

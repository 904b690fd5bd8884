import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { REPO } from "../helpers/run-cli.js";

describe("exit code 4", () => {
  it("turns an unexpected exception into a short bug report instead of a crash", async () => {
    let stderr = "";
    const code = await run(["validate", "--plan", path.join(REPO, "plan")], {
      cwd: REPO,
      env: {},
      isTTY: false,
      // A bug anywhere below the command (here: the output stream itself throwing) must surface as exit 4.
      stdout: () => {
        throw new TypeError("cannot write");
      },
      stderr: (s) => (stderr += s),
      waitForStop: () => Promise.resolve(),
    });
    expect(code).toBe(4);
    expect(stderr).toMatch(/^paraplan: internal error: TypeError: cannot write\n/);
    expect(stderr).toContain("This is a bug in paraplan. Please report it with the command you ran and the output above.");
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";

// The write-back core computes new texts; only src/io/write-record.ts and the CLI touch files and the process.
describe("src/writeback", () => {
  it("never touches the file system or the process", () => {
    const dir = path.join(REPO, "src", "writeback");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
      const text = readFileSync(path.join(dir, name), "utf8");
      expect(text, name).not.toMatch(/from "(node:)?(fs|fs\/promises|child_process)"/);
      expect(text, name).not.toMatch(/\bprocess\./);
      expect(text, name).not.toMatch(/new Date\(\)|Date\.now\(\)/);
    }
  });
});

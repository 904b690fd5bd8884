import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layering of src/ is a lint rule (eslint.config.js): these run the project's own configuration on snippets
// placed inside a folder, so a rule that stopped matching would fail here. The files named exist, so that the typed
// rules find them in the TypeScript project; only the text given is linted.
const root = fileURLToPath(new URL("../../", import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  // Only the layering rule runs, and without type information: the rule reads import strings, and building the
  // TypeScript program for the typed rules cost about six seconds of CPU for nothing this test looks at.
  eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
});

/** The `no-restricted-imports` messages for `code` linted as if it were the file `file`. */
async function restricted(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the layers, enforced by ESLint", () => {
  it("reports an upward import: parse importing from model", async () => {
    const messages = await restricted('import type { Plan } from "../model/types.js";\nexport type P = Plan;\n', "src/parse/limits.ts");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("src/parse may import only the folders below it");
  }, 60_000);

  it("reports an upward import from a nested folder: model/rules importing from render", async () => {
    const messages = await restricted('import { renderDocuments } from "../../render/render-documents.js";\nexport const r = renderDocuments;\n', "src/model/rules/output-clashes.ts");
    expect(messages).toHaveLength(1);
  }, 60_000);

  it("reports node:fs, and fs by its bare name, in model", async () => {
    expect(await restricted('import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n', "src/model/types.ts")).toEqual([expect.stringContaining("The core is pure")]);
    expect(await restricted('import { readFileSync } from "fs";\nexport const read = readFileSync;\n', "src/model/types.ts")).toHaveLength(1);
  }, 60_000);

  it("reports node:path (platform-dependent) in the core, while node:path/posix is allowed", async () => {
    expect(await restricted('import path from "node:path";\nexport const j = path.join;\n', "src/render/helpers.ts")).toHaveLength(1);
    expect(await restricted('import path from "node:path/posix";\nexport const j = path.join;\n', "src/render/helpers.ts")).toEqual([]);
  }, 60_000);

  it("allows a downward import, an import within the folder and the pure Node modules", async () => {
    const code = [
      'import type { Location } from "../diagnostics/diagnostic.js";',
      'import type { RawRecord } from "../parse/raw-record.js";',
      'import type { Plan } from "./types.js";',
      'import { createHash } from "node:crypto";',
      "export type T = [Location, RawRecord, Plan];",
      "export const h = createHash;",
      "",
    ].join("\n");
    expect(await restricted(code, "src/model/group-by.ts")).toEqual([]);
  }, 60_000);

  it("reports a command group importing program.ts back (the registrar cycle), while the command table's types are allowed", async () => {
    expect(await restricted('import type { RegisterTools } from "./program.js";\nexport type T = RegisterTools;\n', "src/cli/register-decisions.ts")).toHaveLength(1);
    expect(await restricted('import type { RegisterTools } from "./register-tools.js";\nexport type T = RegisterTools;\n', "src/cli/register-decisions.ts")).toEqual([]);
  }, 60_000);

  it("lets io and cli import what is below them, and node:fs", async () => {
    const code =
      'import { readFileSync } from "node:fs";\nimport { VERSION } from "../version.js";\nimport type { Plan } from "../model/types.js";\nexport const x: [typeof readFileSync, string, Plan?] = [readFileSync, VERSION];\n';
    expect(await restricted(code, "src/io/read-plan.ts")).toEqual([]);
    expect(await restricted('import { run } from "../cli/program.js";\nexport const r = run;\n', "src/io/read-plan.ts")).toHaveLength(1);
  }, 60_000);
});

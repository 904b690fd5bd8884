/** `paraplan init` wires the front-matter JSON Schemas into editors: `.vscode/settings.json` `yaml.schemas`, never overwriting. */
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { yamlSchemaMap } from "../../src/schema/editor-schemas.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const settingsOf = async (root: string) => readFile(path.join(root, ".vscode", "settings.json"), "utf8");

describe("init and editor schemas", () => {
  it("maps every record kind's files to its schema under schemas/", () => {
    const map = yamlSchemaMap("./node_modules/paraplan/schemas", "plan");
    expect(map["./node_modules/paraplan/schemas/workstream.schema.json"]).toEqual(["plan/workstreams.md", "plan/workstreams/**/*.md"]);
    expect(map["./node_modules/paraplan/schemas/project.schema.json"]).toEqual(["plan/project.md"]);
    expect(Object.keys(map)).toHaveLength(8);
  });

  it("creates .vscode/settings.json naming the schemas paraplan ships", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-editor-"));
    const result = await runInProcess(["init"], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("created .vscode/settings.json");
    const settings = JSON.parse(await settingsOf(root)) as { "yaml.schemas": Record<string, string[]> };
    const schemas = Object.keys(settings["yaml.schemas"]);
    expect(schemas).toContain(`${path.join(REPO, "schemas")}/decision.schema.json`);
    expect(settings["yaml.schemas"][`${path.join(REPO, "schemas")}/decision.schema.json`]).toEqual(["plan/decisions.md", "plan/decisions/**/*.md"]);
  });

  it("merges into plain-JSON settings without yaml.schemas, and leaves any other settings file as it is", async () => {
    const merged = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-editor-"));
    await mkdir(path.join(merged, ".vscode"));
    await writeFile(path.join(merged, ".vscode", "settings.json"), '{ "editor.tabSize": 2 }\n');
    expect((await runInProcess(["init"], merged)).stdout).toContain('added "yaml.schemas" to .vscode/settings.json');
    const settings = JSON.parse(await settingsOf(merged)) as Record<string, unknown>;
    expect(settings["editor.tabSize"]).toBe(2);
    expect(Object.keys(settings["yaml.schemas"] as object)).toHaveLength(8);

    for (const text of ['// mine\n{ "editor.tabSize": 2 }\n', '{ "yaml.schemas": { "a.json": "*.yml" } }\n']) {
      const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-init-editor-"));
      await mkdir(path.join(root, ".vscode"));
      await writeFile(path.join(root, ".vscode", "settings.json"), text);
      const result = await runInProcess(["init"], root);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("left .vscode/settings.json as it is");
      expect(await settingsOf(root)).toBe(text);
    }
  });
});

/** Prototype pollution and template sandboxing: plan data never reaches Object.prototype, templates never reach JavaScript. */
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOutputs } from "../../src/io/build-outputs.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import { createRenderer, TemplateError } from "../../src/render/renderer.js";
import { REPO } from "../helpers/run-cli.js";

const polluted = () => ({}) as Record<string, unknown>;

function expectClean(): void {
  for (const name of ["polluted", "isAdmin", "x"]) {
    expect(polluted()[name]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty(name);
  }
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-proto-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  expectClean();
});

describe("front matter and tables cannot pollute prototypes", () => {
  it("keeps `__proto__`, `constructor` and `prototype` keys as plain data, at any depth", () => {
    const text = [
      "---",
      "__proto__:",
      "  polluted: yes",
      "constructor:",
      "  prototype:",
      "    isAdmin: true",
      "id: A1",
      "days: 1",
      "owns: { __proto__: { x: 1 } }",
      'touches: [{ "__proto__": { polluted: 1 } }]',
      "---",
      "",
      "# A1: Work",
      "",
      "## __proto__",
      "",
      "polluted: yes",
      "",
      "## Statistics",
      "",
      "- **__proto__:** polluted",
      "- **constructor:** x",
      "",
    ].join("\n");
    const parsed = parseRecord(text, "plan/workstreams/A1.md", "workstreams/A1.md");
    expectClean();
    const record = parsed.records[0]!;
    const proto = record.unknown.find((u) => u.key === "__proto__");
    expect(proto?.value).toEqual({ polluted: "yes" });
    expect(Object.getPrototypeOf(proto?.value)).toBe(Object.prototype);
    const owns = record.fields.get("owns")?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(owns)).toBe(Object.prototype);
    expect(Object.keys(owns)).toEqual(["__proto__"]);
  });

  it("reads words that name Object.prototype's members (`constructor`) as plain words: ADR statuses and links", async () => {
    await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
    await mkdir(path.join(root, "plan", "decisions"));
    const adr = (status: string) => `---\nstatus: ${status}\nconstructor: x\n---\n\n# T\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Links\n\n- Constructor ADR-0001\n`;
    await writeFile(path.join(root, "plan", "decisions", "0001-a.md"), adr("constructor"));
    await writeFile(path.join(root, "plan", "decisions", "0002-b.md"), adr("Constructor ADR-0001"));
    const result = await buildOutputs({ planDir: path.join(root, "plan"), root });
    expect(result.plan.decisions.map((d) => d.status)).toEqual(["proposed", "proposed"]);
    expect(result.diagnostics.map((d) => d.code)).toContain("unknown-status");
    for (const file of result.files) expect(file.content).not.toMatch(/native code|function Object/);
  });

  it("keeps a `__proto__` table column as plain data", () => {
    const parsed = parseRecord("| Id | Command | __proto__ | constructor |\n| --- | --- | --- | --- |\n| t | `npm test` | polluted | x |\n", "plan/gates.md", "gates.md");
    expectClean();
    expect(parsed.records).toHaveLength(1);
  });

  it("renders a whole plan whose records carry such keys, without polluting anything", async () => {
    await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
    const file = path.join(root, "plan", "workstreams", "A1-parser.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("id: A1\n", "id: A1\n__proto__: { polluted: yes }\nconstructor: { isAdmin: true }\n"));
    const result = await buildOutputs({ planDir: path.join(root, "plan"), root });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
    expectClean();
  });
});

describe("templates cannot reach JavaScript internals", () => {
  const render = (source: string, view: object = { name: "n", items: ["a"], nested: { k: "v" } }) => createRenderer([{ name: "t.md", file: "t.md.hbs", source }]).render("t.md", view);

  it.each([
    "{{constructor}}",
    "{{constructor.name}}",
    "{{constructor.constructor}}",
    "{{#with constructor}}{{name}}{{/with}}",
    '{{lookup this "constructor"}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{#with (lookup this "constructor")}}{{constructor "return process"}}{{/with}}',
    "{{__proto__}}",
    "{{this.__proto__}}",
    "{{nested.__proto__}}",
    "{{nested.constructor.prototype}}",
    "{{items.constructor}}",
    "{{#each items}}{{constructor.constructor}}{{/each}}",
    "{{__defineGetter__}}",
    "{{__lookupGetter__}}",
    "{{valueOf}}",
    "{{toString}}",
    "{{join items constructor}}",
    "{{code constructor}}",
    "{{> (lookup this 'constructor')}}",
    "{{> ../../../../etc/passwd}}",
    "{{> /etc/passwd}}",
  ])("`%s` renders no JavaScript internals, or fails as a template error", (source) => {
    let out: string;
    try {
      out = render(source);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      return;
    }
    expect(out).not.toMatch(/function|native code|\[object|process|Object|prototype|root:/);
  });

  it('`{{constructor.constructor "…"}}` cannot build a function, even with arguments', () => {
    const marker = "__paraplan_template_escape__";
    const attempts = [
      `{{#with "s"}}{{#with constructor}}{{constructor "globalThis.${marker}=1"}}{{/with}}{{/with}}`,
      `{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this "globalThis.${marker}=1"}}{{/with}}{{/with}}`,
    ];
    for (const source of attempts) {
      try {
        render(source);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
      }
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    }
  });

  it("a user template folder with such templates gives template diagnostics, not a crash", async () => {
    await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
    await mkdir(path.join(root, "templates"), { recursive: true });
    await writeFile(path.join(root, "templates", "prompt.md.hbs"), "# {{id}}\n\n{{constructor.constructor}}\n");
    const result = await buildOutputs({ planDir: path.join(root, "plan"), templatesDir: path.join(root, "templates"), root });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file])).toEqual([["template-error", "templates/prompt.md.hbs"]]);
  });
});

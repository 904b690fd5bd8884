/**
 * Fuzzing: arbitrary bytes, Markdown-like text, mutated front matter and mutated copies of the embedded plan.
 * Nothing may throw, and every problem must be a diagnostic whose position lies inside its file.
 * A fixed seed with modest runs here; `npm run fuzz` runs many more.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlanFile } from "../../src/io/read-plan.js";
import { loadTemplates } from "../../src/io/load-templates.js";
import { buildPlan } from "../../src/model/build-plan.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile } from "../../src/parse/raw-record.js";
import { createRenderer, type TemplateSource } from "../../src/render/renderer.js";
import { wrapMarkdown } from "../../src/render/wrap-markdown.js";
import { renderDocuments } from "../../src/render/render-documents.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { anyText, embeddedPlan, expectDiagnosticsInside, LONG, mutate, mutateFrontMatter, mutation, settings, unicodeText, withFrontMatter } from "./helpers/fuzz.js";

const PATHS = ["project.md", "agents/a.md", "workstreams/TD2-x.md", "waves.md", "waves/1-x.md", "gates.md", "risks/R1-x.md", "decisions/0001-x.md", "sessions/2025-10-16-x.md", "notes/x.md"];

let dir: string;
let templates: TemplateSource[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-fuzz-"));
  templates = await loadTemplates(undefined, dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An object and everything it holds, frozen: code that tried to change a shared parse would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// The embedded plan's files are parsed once, not once per run: a run mutates one to three of its 23 files, and parsing
// the others again (the same texts, a pure function of them) was nine tenths of the time of the properties that use
// the whole plan. The shared results are frozen, so a stage that changed its input would fail here, not pass.
let EMBEDDED: Map<string, string> | undefined;
const parsedOnce = new Map<string, ParsedFile>();

/** Parses one file as `plan/<relative>`; an unchanged file of the embedded plan from the parse made once. */
function parse(relative: string, text: string): ParsedFile {
  EMBEDDED ??= embeddedPlan();
  if (EMBEDDED.get(relative) !== text) return parseRecord(text, `plan/${relative}`, relative);
  let parsed = parsedOnce.get(relative);
  if (!parsed) parsedOnce.set(relative, (parsed = deepFreeze(parseRecord(text, `plan/${relative}`, relative))));
  return parsed;
}

/** Parses files as `plan/<relative>`, builds and schedules the plan: every stage's diagnostics, and the plan. */
function pipeline(files: ReadonlyMap<string, string>) {
  const parsed: ParsedFile[] = [...files].map(([relative, text]) => parse(relative, text));
  const built = buildPlan(parsed, { planDir: "plan" });
  const scheduled = computeSchedule(built.plan);
  return { plan: built.plan, schedule: scheduled.schedule, diagnostics: [...built.diagnostics, ...scheduled.diagnostics] };
}

const shown = (files: ReadonlyMap<string, string>) => new Map([...files].map(([relative, text]) => [`plan/${relative}`, text]));

// `npm run fuzz` runs each property for many minutes.
const TIMEOUT = { timeout: LONG ? 3_600_000 : 30_000 };

describe("fuzzing paraplan's input", () => {
  it("arbitrary bytes: reading and parsing a file never throws, and positions lie inside it", TIMEOUT, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...PATHS), async (bytes, relative) => {
        const abs = path.join(dir, `bytes-${n++}.md`);
        await writeFile(abs, bytes);
        const read = readPlanFile(abs, `plan/${relative}`, relative);
        // A not-UTF-8 diagnostic points into the text as far as it decodes.
        const lossy = new TextDecoder().decode(bytes);
        expectDiagnosticsInside(read.diagnostics, new Map([[`plan/${relative}`, lossy]]));
        if (read.planFile) {
          const parsed = parseRecord(read.planFile.text, read.planFile.file, relative);
          expectDiagnosticsInside(parsed.diagnostics, new Map([[read.planFile.file, read.planFile.text]]));
        }
        await rm(abs);
      }),
      settings(150),
    );
  });

  it("Markdown-like text and front matter: parse, model and schedule never throw; positions lie inside", TIMEOUT, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(anyText(), withFrontMatter), fc.constantFrom(...PATHS)), { minLength: 1, maxLength: 6 }), (inputs) => {
        const files = new Map<string, string>();
        inputs.forEach(([text, relative], i) => files.set(relative.includes("/") ? relative.replace(/\.md$/, `-${i}.md`) : relative, text));
        const { diagnostics } = pipeline(files);
        expectDiagnosticsInside(diagnostics, shown(files));
      }),
      settings(200),
    );
  });

  it("mutated front matter of the embedded plan's files: never throws; positions lie inside", TIMEOUT, () => {
    const plan = embeddedPlan();
    fc.assert(
      fc.property(fc.constantFrom(...plan.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }), (relative, edits) => {
        const text = edits.reduce(mutateFrontMatter, plan.get(relative)!);
        const parsed = parseRecord(text, `plan/${relative}`, relative);
        expectDiagnosticsInside(parsed.diagnostics, new Map([[`plan/${relative}`, text]]));
      }),
      // The slowest property of the file (a whole record parsed a run): the first 150 of its 300 runs in the suite.
      settings(300, 150),
    );
  });

  it("mutated copies of the embedded plan: the whole model and schedule never throw; positions lie inside", TIMEOUT, () => {
    const plan = embeddedPlan();
    const edit = fc.tuple(fc.constantFrom(...plan.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const files = new Map(plan);
        for (const [relative, changes] of edits) files.set(relative, changes.reduce(mutate, files.get(relative)!));
        const { diagnostics } = pipeline(files);
        expectDiagnosticsInside(diagnostics, shown(files));
      }),
      settings(60),
    );
  });

  it("mutated copies of the embedded plan render, or report template diagnostics, and never throw", TIMEOUT, () => {
    const plan = embeddedPlan();
    const renderer = createRenderer(templates);
    const edit = fc.tuple(fc.constantFrom(...plan.keys()), fc.array(mutation, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 2 }), (edits) => {
        const files = new Map(plan);
        for (const [relative, changes] of edits) files.set(relative, changes.reduce(mutate, files.get(relative)!));
        const { plan: model, schedule, diagnostics } = pipeline(files);
        if (diagnostics.some((d) => d.severity === "error")) return;
        const rendered = renderDocuments(model, schedule, renderer);
        for (const d of rendered.diagnostics) expect(d.code).toBe("template-error");
        for (const file of rendered.files) expect(file.content.length).toBeGreaterThan(0);
      }),
      settings(4),
    );
  });
});

describe("the whole of Unicode: U+2028, U+2029, U+0085, lone CR, U+FEFF mid-file, NUL", () => {
  it("the layout never throws, keeps every non-blank line's characters and is idempotent", TIMEOUT, () => {
    fc.assert(
      fc.property(unicodeText(), (text) => {
        const out = wrapMarkdown(text, { uniqueHeadings: true });
        expect(out.endsWith("\n")).toBe(true);
        expect(wrapMarkdown(out, { uniqueHeadings: true })).toBe(out);
        // Only spaces, tabs, line endings, bullets, table pipes and numbers of repeated headings change: no other character is lost.
        const others = (s: string) => [...s.replace(/[ \t\r\n*+|-]|\(\d+\)/g, "")].sort().join("");
        expect(others(out)).toBe(others(text));
      }),
      settings(300),
    );
  });

  it("a heading, item or key-value line ending in U+2028 is laid out and read as written", () => {
    for (const sep of ["\u2028", "\u2029", "\u0085"]) {
      const doc = `# Accepted: OIT in Godot Engine${sep}\n\n- item${sep}\n\n**Status:** accepted${sep}\n`;
      expect(wrapMarkdown(doc)).toBe(doc);
      const parsed = parseRecord(`# 1. OIT in Godot${sep}\n\n**Status:** accepted${sep}\n\n## Context\n\nWhy.\n`, "plan/decisions/0001-oit.md", "decisions/0001-oit.md");
      expect(parsed.records[0]!.fields.get("status")?.value).toBeDefined();
    }
    // A line of U+2028 alone is text, not a blank line: it is kept.
    expect(wrapMarkdown("a\n\u2028\nb\n")).toBe("a \u2028 b\n");
  });

  it("parsing, model and schedule never throw on such text; positions lie inside", TIMEOUT, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), unicodeText(), fc.boolean(), (relative, text, frontMatter) => {
        const body = frontMatter ? `---\nid: TD2\ndays: 1\n${text}\n---\n${text}` : text;
        const files = new Map([[relative, body]]);
        const { diagnostics } = pipeline(files);
        expectDiagnosticsInside(diagnostics, shown(files));
      }),
      settings(300),
    );
  });
});

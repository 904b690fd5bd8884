/** docs/templates.md is generated from the code and kept true; a template typo is a clear "template error" (#17.19). */
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { templateDocs } from "../../scripts/template-docs.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

describe("docs/templates.md", () => {
  it("is what `npm run template-docs` generates from the view functions, helpers and partials", async () => {
    const expected = templateDocs(REPO);
    expect(await readFile(path.join(REPO, "docs", "templates.md"), "utf8"), "run `npm run template-docs`").toBe(expected);
    for (const template of ["execution-plan.md", "prompt.md", "session.md", "adr.md", "adr-index.md"]) expect(expected).toContain(`## \`${template}.hbs\``);
    expect(expected).toMatch(/^- `cell`: /m);
    expect(expected).toContain("{{> decision-body}}");
    // Fields of nested objects are listed under them.
    expect(expected).toMatch(/^- `workstreams` \(`object\[\]`\)\n {2}- `/m);
  }, 60_000);
});

describe("a typo in a user template", () => {
  it("names the template file, line and column, the undefined name and the nearest; check says a template has errors", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "paraplan-tpl-"));
    await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
    await mkdir(path.join(project, "templates"));
    await writeFile(path.join(project, "templates", "prompt.md.hbs"), "# {{id}}\n\nBy {{nmae}}.\n");
    const check = await runInProcess(["check"], project);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      "templates/prompt.md.hbs:3:6 error template-error template error in prompt.md: `nmae` is not defined (neither its view model nor the helpers have this name)\n  hint: Did you mean `name`? ",
    );
    expect(check.stderr).toContain("a template has errors (template error): fix them");
    expect(check.stderr).not.toContain("the plan has errors");
  });
});

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Log, Result } from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import { putFile } from "../helpers/temp-project.js";
import type { AuditReport } from "../../src/git/audit.js";
import { checkoutNew, commitFiles, gitIn, removeDir, repositoryState, tempRepo, writePlan } from "./audit-fixture.js";

const require = createRequire(import.meta.url);
// CommonJS modules whose \`module.exports\` is the class (resp. the plugin).
const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

/** The SARIF 2.1.0 schema as the package ships it: no download at test time. */
function sarifValidator() {
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/jest-sarif/package.json")), "lib", "schemas", "sarif-2.1.0-rtm.5.json");
  // The schema's language-code pattern is not a valid Unicode regular expression; it is valid without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")) as object);
}

const audited = (stdout: string) => (JSON.parse(stdout) as AuditReport).workstreams;
const uriOf = (x: Result) => x.locations![0]!.physicalLocation!.artifactLocation!.uri!;

// A plan of six workstreams over two waves; A trespasses on B's file, B changes a file nobody declares, C leaves a
// declared file alone and has an uncommitted change in its worktree, D renames a file, E and F have no branch yet.
const HOSTILE_BRANCH = "-evil'\"$(id)";
let root: string;
let worktreeC: string;

beforeAll(async () => {
  root = await tempRepo("paraplan-audit-");
  await writePlan(
    root,
    [
      { id: "A", branch: "ws/a", owns: ["src/a.ts"] },
      { id: "B", branch: "ws/b", owns: ["src/b.ts"], touches: ["src/shared.ts"] },
      { id: "C", branch: "ws/c", owns: ["src/c.ts", "docs/c.md"] },
      { id: "D", branch: "ws/d", owns: ["src/d.ts"], dependsOn: ["A"] },
      { id: "E", branch: "ws/e", owns: ["src/e/"], dependsOn: ["B"] },
      { id: "F", branch: HOSTILE_BRANCH, owns: ["src/f.ts"] },
    ],
    [
      { number: 1, members: ["A", "B", "C"] },
      { number: 2, members: ["D", "E", "F"] },
    ],
  );
  await commitFiles(
    root,
    { "src/a.ts": "a\n", "src/b.ts": "b\n", "src/c.ts": "c\n", "src/shared.ts": "s\n", "src/old-d.ts": "d\n", "docs/c.md": "# C\n", "README.md": "hi\n", ".gitignore": ".paraplan-cache/\n" },
    "base",
  );
  gitIn(root, "add", "plan");
  gitIn(root, "commit", "-q", "-m", "plan");
  checkoutNew(root, "ws/a", "main");
  await commitFiles(root, { "src/a.ts": "a2\n", "src/b.ts": "b by a\n" }, "A works, and edits B's file");
  checkoutNew(root, "ws/b", "main");
  await commitFiles(root, { "src/b.ts": "b2\n", "src/shared.ts": "s2\n", "notes with space.txt": "n\n" }, "B works");
  checkoutNew(root, "ws/c", "main");
  await commitFiles(root, { "src/c.ts": "c2\n" }, "C works");
  checkoutNew(root, "ws/d", "main");
  gitIn(root, "mv", "src/old-d.ts", "src/d.ts");
  gitIn(root, "commit", "-q", "-m", "D renames");
  // A hostile branch name and file name: data to git, never a shell word.
  checkoutNew(root, HOSTILE_BRANCH, "main");
  await commitFiles(root, { "src/f.ts": "f\n", "$(touch${IFS}pwned).txt": "x\n" }, "F works");
  gitIn(root, "checkout", "-q", "main");
  worktreeC = `${root}-c`;
  gitIn(root, "worktree", "add", "-q", worktreeC, "ws/c");
  await putFile(worktreeC, "README.md", "changed, not committed\n");
});

afterAll(async () => {
  await removeDir(worktreeC);
  await removeDir(root);
});

describe("paraplan audit", () => {
  it("reports a trespass with its owner and the fix, undeclared and untouched files, missing branches; exit 1", async () => {
    const before = repositoryState(root);
    const r = await runInProcess(["audit"], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("trespass A changed src/b.ts, owned by B");
    expect(r.stdout).toContain("fix: paraplan add A touches src/b.ts");
    expect(r.stdout).toContain("or:  paraplan remove B owns src/b.ts && paraplan add A owns src/b.ts");
    expect(r.stdout).toContain("undeclared B changed notes with space.txt, which no workstream owns and B does not declare");
    expect(r.stdout).toContain("fix: paraplan add B touches 'notes with space.txt'");
    expect(r.stdout).toContain("untouched C declares docs/c.md in owns and has not changed it");
    expect(r.stdout).toMatch(/undeclared C changed README\.md.*\(uncommitted\)/);
    expect(r.stdout).toContain("E ws/e: branch does not exist yet");
    expect(r.stdout).toContain("F -evil'\"$(id) (since main): 2 files changed");
    expect(r.stdout).toContain("fix: paraplan add F touches \\$\\(touch\\$\\{IFS\\}pwned\\).txt");
    expect(existsSync(path.join(root, "pwned")) || existsSync("pwned")).toBe(false);
    expect(r.stdout).toContain("1 trespass, 4 undeclared files, 1 declared entry untouched; 1 branch not created yet");
    expect(repositoryState(root)).toBe(before);
  });

  it("counts a rename for both paths, and measures a wave-2 branch from the base when its wave-1 base is missing", async () => {
    const r = await runInProcess(["audit", "D", "--format", "json"], root);
    expect(r.code).toBe(0);
    const d = audited(r.stdout)[0]!;
    expect(d.base).toBe("main");
    expect(d.files).toEqual(["src/d.ts", "src/old-d.ts"]);
    expect(d.findings.map((f) => `${f.kind} ${f.file}`)).toEqual(["undeclared src/old-d.ts"]);
  });

  it("counts uncommitted changes of the worktree that has the branch", async () => {
    const r = await runInProcess(["audit", "C", "--format", "json"], root);
    expect(r.code).toBe(0);
    const c = audited(r.stdout)[0]!;
    expect(c.worktree).toBe(worktreeC);
    expect(c.uncommitted).toBe(1);
    expect(c.findings.find((f) => f.file === "README.md")).toMatchObject({ kind: "undeclared", where: "uncommitted" });
  });

  it("prints GitHub workflow commands", async () => {
    const r = await runInProcess(["audit", "A", "B", "--format", "github"], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error file=src/b.ts,line=1,col=1,endLine=1,endColumn=1,title=paraplan/trespass::A changed src/b.ts, owned by B%0Afix: paraplan add A touches src/b.ts");
    expect(r.stdout).toContain("::warning file=notes with space.txt,");
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .every((l) => l.startsWith("::")),
    ).toBe(true);
  });

  it("writes SARIF 2.1.0 that validates against the schema, with stable rule ids and fingerprints", async () => {
    const r = await runInProcess(["audit", "--format", "sarif"], root);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    expect(run.tool.driver.name).toBe("paraplan");
    expect(rules.map((x) => x.id)).toEqual(["paraplan/trespass", "paraplan/undeclared", "paraplan/untouched"]);
    expect(rules.every((x) => (x.help?.text.length ?? 0) > 50)).toBe(true);
    const results = run.results ?? [];
    const trespass = results.find((x) => x.ruleId === "paraplan/trespass")!;
    expect(trespass.level).toBe("error");
    expect(trespass.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: "src/b.ts", uriBaseId: "%SRCROOT%" });
    expect(Object.values(trespass.partialFingerprints!)[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(results.map(uriOf)).toContain("notes%20with%20space.txt");
    // The same findings on a second run have the same fingerprints.
    const again = JSON.parse((await runInProcess(["audit", "--format", "sarif"], root)).stdout) as Log;
    expect(again.runs[0]!.results!.map((x) => x.partialFingerprints)).toEqual(results.map((x) => x.partialFingerprints));
  });

  it("exits 2 on an unknown workstream", async () => {
    const r = await runInProcess(["audit", "NOPE"], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no workstream `NOPE`; the plan has: ");
  });
});

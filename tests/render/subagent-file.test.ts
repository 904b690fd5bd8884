import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { subagentFiles, subagentFileState, subagentName, subagentText } from "../../src/render/subagent-file.js";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { putFile, tempProject } from "../helpers/temp-project.js";
import { REPO } from "../helpers/run-cli.js";

/** The front matter of a subagent file, as Claude Code reads it. */
function frontMatter(text: string): Record<string, unknown> {
  const end = text.indexOf("\n---\n", 4);
  return parse(text.slice(4, end)) as Record<string, unknown>;
}

const AGENT_WITH_TOOLS =
  "---\nid: Reviewer_One\nname: Reviewer\ndescription: Reviews a finished workstream before its merge.\ntools: Read, Grep, Glob\nmodel: haiku\n---\n\n# Reviewer\n\n## Role\n\nYou review code.\n";

describe("Claude Code subagent files from agent personas", () => {
  it("renders name, description, tools and model as Claude Code reads them, and the persona as the prompt", async () => {
    const { plan } = await loadPlan(path.join(REPO, "plan"), REPO);
    const files = subagentFiles(plan);
    expect(files.map((f) => f.path)).toEqual([".claude/agents/backend-architect.md", ".claude/agents/deployment-engineer.md", ".claude/agents/python-pro.md", ".claude/agents/test-automator.md"]);
    const python = files.find((f) => f.path.endsWith("python-pro.md"))!;
    expect(python.source).toBe("plan/agents/python-pro.md");
    const fields = frontMatter(python.text);
    // No tools or model in the record: the keys are left out, so the subagent inherits the session's.
    expect(Object.keys(fields)).toEqual(["name", "description"]);
    expect(fields.name).toBe("python-pro");
    expect(fields.description).toBe(
      "You are a senior Python engineer who writes idiomatic, fully typed Python 3 and knows Pydantic V2 validation patterns well. Takes the autoD workstreams TD1, TD2, WS1.",
    );
    expect(python.text).toContain("\n---\n\n# Python Pro\n\nYou are a senior Python engineer");
    expect(python.text).toContain("## Working agreements\n\n- Write an implementation plan first");
    expect(await lintMarkdown(Object.fromEntries(files.map((f) => [f.path, f.text])))).toEqual([]);
    // Deterministic: the same plan gives the same bytes.
    expect(subagentFiles(plan)).toEqual(files);
  });

  it("writes tools and model when the record gives them, and a description it writes", async () => {
    const root = await tempProject("tiny", "paraplan-subagent-");
    await putFile(root, "plan/agents/reviewer.md", AGENT_WITH_TOOLS);
    const { plan, diagnostics } = await loadPlan(path.join(root, "plan"), root);
    expect(diagnostics.filter((d) => d.file === "plan/agents/reviewer.md")).toEqual([]);
    const reviewer = plan.agents.find((a) => a.id === "Reviewer_One")!;
    expect(frontMatter(subagentText(reviewer, plan))).toEqual({ name: "reviewer-one", description: "Reviews a finished workstream before its merge.", tools: "Read, Grep, Glob", model: "haiku" });
  });

  it("gives names of lower-case letters, digits and hyphens, distinct per file", () => {
    expect(subagentName("Python_Pro")).toBe("python-pro");
    expect(subagentName("Ünïcode Agent 2")).toBe("unicode-agent-2");
    expect(subagentName("***")).toBe("agent");
  });

  it("tells its own files from files edited by hand and files it did not write", async () => {
    const { plan } = await loadPlan(path.join(REPO, "plan"), REPO);
    const text = subagentFiles(plan)[0]!.text;
    expect(subagentFileState(text)).toBe("generated");
    expect(subagentFileState(text.replace("## Working agreements", "## My agreements"))).toBe("edited");
    expect(subagentFileState("---\nname: mine\ndescription: Mine.\n---\n\nHello.\n")).toBe("foreign");
  });
});

describe("paraplan generate with agents.claudeSubagents", () => {
  it("writes .claude/agents/ only when opted in, never replaces a hand-written or hand-edited file, and removes its own stale files", async () => {
    const root = await tempProject("tiny", "paraplan-subagent-gen-");
    expect((await runInProcess(["generate", "-q"], root)).code).toBe(0);
    await expect(readdir(path.join(root, ".claude"))).rejects.toThrow();

    await putFile(root, "paraplan.config.json", '{ "agents": { "claudeSubagents": true } }\n');
    await putFile(root, "plan/agents/reviewer.md", AGENT_WITH_TOOLS);
    await putFile(root, ".claude/agents/mine.md", "---\nname: mine\ndescription: Mine.\n---\n\nHello.\n");
    const first = await runInProcess(["generate"], root);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("wrote   .claude/agents/developer.md");
    expect((await readdir(path.join(root, ".claude", "agents"))).sort()).toEqual(["developer.md", "mine.md", "reviewer-one.md"]);

    const developer = path.join(root, ".claude", "agents", "developer.md");
    const edited = (await readFile(developer, "utf8")).replace("# Developer", "# Developer (mine)");
    await writeFile(developer, edited);
    const refused = await runInProcess(["generate"], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused .claude/agents/developer.md was edited by hand since it was generated");
    expect(await readFile(developer, "utf8")).toBe(edited);
    expect((await runInProcess(["generate", "--force"], root)).code).toBe(0);
    expect(await readFile(developer, "utf8")).not.toBe(edited);

    // A hand-written subagent whose name a persona takes is never replaced, even with --force.
    await putFile(root, "plan/agents/mine.md", "---\nid: mine\n---\n\n# Mine\n\n## Role\n\nYou are mine.\n");
    const clash = await runInProcess(["generate", "--force"], root);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain("refused .claude/agents/mine.md was not generated by paraplan");
    expect(await readFile(path.join(root, ".claude", "agents", "mine.md"), "utf8")).toBe("---\nname: mine\ndescription: Mine.\n---\n\nHello.\n");

    // A persona gone from the plan: its generated file goes too.
    await writeFile(path.join(root, "plan", "agents", "mine.md"), "");
    const { rm } = await import("node:fs/promises");
    await rm(path.join(root, "plan", "agents", "reviewer.md"));
    await rm(path.join(root, "plan", "agents", "mine.md"));
    const removed = await runInProcess(["generate"], root);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("removed .claude/agents/reviewer-one.md");
    expect((await readdir(path.join(root, ".claude", "agents"))).sort()).toEqual(["developer.md", "mine.md"]);
  });
});

/**
 * A large plan's execution plan is a summary that links one page per wave and a timeline: an agent talking to the
 * plan over MCP reads those pages as resources, as the plan links them. In process, over the SDK's own in-memory
 * transport and client.
 */
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { describe, expect, it } from "vitest";
import { build } from "../../src/io/build.js";
import { withoutHeader } from "../../src/render/generated-header.js";
import { createPlanServer } from "../../src/mcp/server.js";
import { tempProject } from "../helpers/temp-project.js";

describe("the execution plan's pages as MCP resources", () => {
  it("lists every page the plan links and serves each as generate writes it", async () => {
    const root = await tempProject("twenty", "paraplan-mcp-pages-");
    // `"executionPlan": {"pagesAbove": 3}` in paraplan.config.json, as the command reads it.
    const source = { root, planDir: path.join(root, "plan"), outDir: path.join(root, "out"), cache: false, settings: { planPagesAbove: 3 } };
    const rendered = await build(source, { mode: "memory" });
    const pages = rendered.files.filter((f) => f.path.startsWith("execution-plan/"));
    expect(pages.length).toBeGreaterThan(2);

    const server = createPlanServer({ source, calling: { top: root, planSearchFrom: root, inGit: false }, version: "test", log: () => {} });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "test", version: "1" });
    await client.connect(clientSide);
    try {
      const { resources } = await client.listResources();
      const listed = resources.map((r) => r.uri).filter((uri) => uri.startsWith("paraplan://execution-plan/"));
      expect(listed.sort()).toEqual(pages.map((p) => `paraplan://${p.path.replace(/\.md$/, "")}`).sort());
      // The plan links its pages by file name: each page is read by the same name, with or without `.md`.
      const plan = rendered.files.find((f) => f.path === "PARALLEL_EXECUTION_PLAN.md")!;
      const linked = [...plan.content.matchAll(/\]\((execution-plan\/[^)#]+\.md)\)/g)].map((m) => m[1]!);
      expect(linked.length).toBeGreaterThan(0);
      for (const page of [...new Set(linked)]) {
        const read = await client.readResource({ uri: `paraplan://${page.replace(/\.md$/, "")}` });
        expect(read.contents[0]).toMatchObject({ mimeType: "text/markdown", text: withoutHeader(pages.find((p) => p.path === page)!.content) });
      }
      await expect(client.readResource({ uri: "paraplan://execution-plan/wave-99" })).rejects.toThrow(/no page execution-plan\/wave-99\.md/);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

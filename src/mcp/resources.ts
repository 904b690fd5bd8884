import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { decisionIndex } from "../model/decision-ref.js";
import { adrPath, PLAN_DOCUMENT, PLAN_PAGES_FOLDER } from "../model/output-paths.js";
import { callingWorkstream } from "./calling-workstream.js";
import { diagnosticsText } from "./diagnostics-text.js";
import { isAdr, loadProject, promptText, renderDocument, type PlanSource, type RenderedDocument } from "./plan-source.js";

/**
 * The generated documents as resources, each rendered when read: `paraplan://plan`, a large plan's pages
 * (`paraplan://execution-plan/<page>`, as the plan links them), `paraplan://prompts/<ID>`, `paraplan://adr/<n>`.
 */
export function registerPlanResources(server: McpServer, source: PlanSource): void {
  const resourceError = (what: string, loaded: RenderedDocument) =>
    new Error(`${what} cannot be rendered: the plan has errors:\n${diagnosticsText(loaded.diagnostics.filter((d) => d.severity === "error"))}`);
  server.registerResource("plan", "paraplan://plan", { title: "The execution plan", description: `The generated ${PLAN_DOCUMENT}`, mimeType: "text/markdown" }, async (uri) => {
    const rendered = await renderDocument(
      source,
      (p) => p === PLAN_DOCUMENT,
      () => PLAN_DOCUMENT,
    );
    if (rendered.text === undefined) throw resourceError("the plan", rendered);
    return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: rendered.text }] };
  });
  server.registerResource(
    "plan-page",
    new ResourceTemplate(`paraplan://${PLAN_PAGES_FOLDER}/{page}`, {
      list: async () => {
        // Loaded when asked: the server starts without the renderer.
        const [{ plan, schedule }, { documentJobs }] = await Promise.all([loadProject(source), import("../render/render-documents.js")]);
        const pages = documentJobs(plan, schedule).flatMap((job) => (job.path.startsWith(`${PLAN_PAGES_FOLDER}/`) ? [job.path.slice(PLAN_PAGES_FOLDER.length + 1, -".md".length)] : []));
        return { resources: pages.map((page) => ({ uri: `paraplan://${PLAN_PAGES_FOLDER}/${page}`, name: `execution plan: ${page}`, mimeType: "text/markdown" })) };
      },
    }),
    { title: "A page of the execution plan", description: "A large plan's execution plan links one page per wave, and a timeline", mimeType: "text/markdown" },
    async (uri, variables) => {
      const page = `${PLAN_PAGES_FOLDER}/${decodeURIComponent(String(variables.page)).replace(/\.md$/, "")}.md`;
      const rendered = await renderDocument(
        source,
        (p) => p === page,
        () => page,
      );
      if (rendered.text === undefined) {
        if (rendered.diagnostics.some((d) => d.severity === "error")) throw resourceError(`the page ${page}`, rendered);
        throw new Error(`the execution plan has no page ${page}`);
      }
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: rendered.text }] };
    },
  );
  server.registerResource(
    "prompt",
    new ResourceTemplate("paraplan://prompts/{id}", {
      list: async () => {
        const { plan } = await loadProject(source);
        return {
          resources: plan.workstreams.map((ws) => ({ uri: `paraplan://prompts/${encodeURIComponent(ws.id)}`, name: `${ws.id} prompt`, title: `${ws.id}: ${ws.name}`, mimeType: "text/markdown" })),
        };
      },
    }),
    { title: "A workstream's prompt", description: "The generated prompt of one workstream", mimeType: "text/markdown" },
    async (uri, variables) => {
      const id = decodeURIComponent(String(variables.id));
      const rendered = await promptText(source, callingWorkstream((await loadProject(source)).plan, undefined, id).id);
      if (rendered.text === undefined) throw resourceError(`the ${id} prompt`, rendered);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: rendered.text }] };
    },
  );
  server.registerResource(
    "adr",
    new ResourceTemplate("paraplan://adr/{n}", {
      list: async () => {
        const { plan } = await loadProject(source);
        return {
          resources: plan.decisions.map((d) => ({
            uri: `paraplan://adr/${encodeURIComponent(d.number !== undefined ? String(d.number) : d.id)}`,
            name: `ADR ${d.number ?? d.id}`,
            title: d.title,
            mimeType: "text/markdown",
          })),
        };
      },
    }),
    { title: "A decision record", description: "The generated document of one ADR", mimeType: "text/markdown" },
    async (uri, variables) => {
      const ref = decodeURIComponent(String(variables.n));
      const rendered = await renderDocument(source, isAdr, (loaded) => {
        const decision = decisionIndex(loaded.plan.decisions).find(ref);
        if (!decision) throw new Error(`no decision \`${ref}\` in the plan`);
        return adrPath(decision);
      });
      if (rendered.text === undefined) throw resourceError(`ADR ${ref}`, rendered);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: rendered.text }] };
    },
  );
}

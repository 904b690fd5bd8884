import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Plan } from "../model/types.js";
import type { PlanSchedule } from "../schedule/types.js";
import { documentTooLarge, MAX_DOCUMENT_CHARS } from "./document-limits.js";
import { withHeader } from "./generated-header.js";
import { TemplateError, type Renderer } from "./renderer.js";
import { wrapMarkdown } from "./wrap-markdown.js";
import { localChanges } from "./local-changes.js";
import { ADR_INDEX, adrPath, byPath, PLAN_DOCUMENT, PLAN_TIMELINE, sessionPath } from "../model/output-paths.js";
import { decisionIndexView, decisionView } from "./views/decision-view.js";
import { planView } from "./views/plan-view.js";
import { planPageView, planTimelineView } from "./views/plan-page-view.js";
import { pageSources, planPages } from "./views/plan-pages.js";
import { promptView } from "./views/prompt-view.js";
import { renderContext } from "./views/render-context.js";
import { sessionView } from "./views/session-view.js";

/** A generated document: where it goes in `out/`, its full text (header included), and the records it came from. */
export interface OutputFile {
  path: string;
  content: string;
  sources: string[];
}

/** One document to render: its template, view model and sources. */
interface Job {
  path: string;
  template: string;
  view: () => object;
  sources: string[];
  /** The files whose local fields (`LOCAL_FIELDS`) the view shows, when not all its sources. */
  reads?: string[];
}

const unique = (list: readonly string[]) => [...new Set(list)].sort();

/** Lists every document of the plan with the template and view model that renders it. */
export function documentJobs(plan: Plan, schedule: PlanSchedule): Job[] {
  const ctx = renderContext(plan, schedule);
  const allSources = unique([
    plan.project.source.file,
    ...[plan.agents, plan.workstreams, plan.waves, plan.gates, plan.risks, plan.decisions, plan.sessions].flatMap((list) => list.map((r) => r.source.file)),
  ]);
  // The plan shows the project's and the waves' text, agents' names and risks, but of workstreams, ADRs and sessions
  // only what any document may show (ids, names, titles, schedule).
  const planReads = unique([plan.project, ...plan.agents, ...plan.waves, ...plan.risks].map((r) => r.source.file));
  // A large plan's execution plan keeps its summary; pages hold what grows with the workstreams. A page's sources are
  // the records it names, as a prompt's; of local fields it shows the waves' (names, procedures). The timeline counts
  // every workstream.
  const pages = planPages(ctx);
  const pageReads = unique([plan.project, ...plan.waves].map((r) => r.source.file));
  const jobs: Job[] = [{ path: PLAN_DOCUMENT, template: "execution-plan.md", view: () => planView(ctx, pages), sources: allSources, reads: planReads }];
  for (const [index, page] of pages.entries()) {
    jobs.push({ path: page.path, template: "plan-page.md", view: () => planPageView(ctx, pages, index), sources: unique(pageSources(ctx, page)), reads: pageReads });
  }
  if (pages.length > 0) jobs.push({ path: PLAN_TIMELINE, template: "plan-timeline.md", view: () => planTimelineView(ctx), sources: allSources, reads: pageReads });
  for (const ws of plan.workstreams) {
    const agent = ws.agent ? ctx.agent.get(ws.agent.id) : undefined;
    jobs.push({
      path: ctx.promptPath.get(ws.id)!,
      template: "prompt.md",
      view: () => promptView(ctx, ws),
      sources: unique([
        plan.project.source.file,
        ws.source.file,
        ...(agent ? [agent.source.file] : []),
        ...(ctx.waveOf.get(ws.id) ? [ctx.waveOf.get(ws.id)!.source.file] : []),
        ...(ctx.risksOf.get(ws.id) ?? []).map((r) => r.source.file),
        ...(ctx.decisionsOf.get(ws.id) ?? []).map((d) => d.source.file),
        // A prompt says what each dependency delivers: their deliverables are read here too.
        ...[...ws.dependsOn, ...ws.softDependsOn].flatMap((d) => ctx.workstream.get(d.id)?.source.file ?? []),
      ]),
    });
  }
  for (const session of plan.sessions) {
    jobs.push({
      path: sessionPath(session),
      template: "session.md",
      view: () => sessionView(ctx, session),
      sources: unique([
        session.source.file,
        ...session.decisions.flatMap((r) => ctx.findDecision(r.id)?.source.file ?? []),
        ...session.risks.flatMap((r) => ctx.risk.get(r.id)?.source.file ?? []),
        // A log whose record froze no waves lists them as the plan has them now, names included.
        ...(session.snapshot.waves ? [] : plan.waves.map((w) => w.source.file)),
      ]),
    });
  }
  for (const decision of plan.decisions) {
    jobs.push({ path: adrPath(decision), template: "adr.md", view: () => decisionView(ctx, decision), sources: [decision.source.file] });
  }
  if (plan.decisions.length > 0) {
    // The index quotes each ADR's decision sentence (a local field): it reads every ADR.
    jobs.push({ path: ADR_INDEX, template: "adr-index.md", view: () => decisionIndexView(ctx), sources: unique(plan.decisions.map((d) => d.source.file)) });
  }
  return jobs;
}

/**
 * The documents of an earlier build (`watch` keeps one between builds), by path: a hash of the templates, sources and
 * view each was rendered from, and the result. A document whose view is unchanged is not rendered again; after an
 * edit of local fields only, a document that does not read the edited files is not even given a view.
 */
export interface RenderMemo {
  documents: Map<string, { key: string; file: OutputFile }>;
  /** The plan and templates of the last rendering that completed: every document in `documents` comes from them. */
  last?: { plan: Plan; templates: string };
}

/** An empty memo. */
export function renderMemo(): RenderMemo {
  return { documents: new Map() };
}

/** What a document's text is a function of: the templates, the template's name, the sources and the view model. */
function renderKey(renderer: Renderer, job: Job, view: object): string {
  return createHash("sha1")
    .update(`${renderer.key ?? ""}\0${job.template}\0${job.sources.join("\0")}\0`)
    .update(JSON.stringify(view))
    .digest("hex");
}

/**
 * The documents a build finds in `out/` as the last build wrote them: the view key each was rendered from, and, when
 * only local fields of some plan files changed since (with the same templates), those files.
 */
export interface DocumentsOnDisk {
  views: ReadonlyMap<string, string>;
  edited?: ReadonlySet<string>;
}

/**
 * One rendered document (`reused` when taken from the memo: no garbage made; `key` its view key when asked for), a
 * document whose view key is the one `onDisk` gives for it (`kept`: not rendered, its file stands), or the diagnostic
 * of one that could not be rendered.
 */
export type Rendering = { file: OutputFile; reused?: true; key?: string } | { kept: { path: string; key: string; sources: string[] } } | { diagnostic: Diagnostic };

/**
 * Renders the documents (or those `only` selects) one at a time, as they are asked for, so a build can write each
 * and let it go. A template failure yields its diagnostic (each once) and rendering goes on, to report them all; a
 * document too large yields its diagnostic and ends the rendering, since nothing will be written.
 */
export function* renderEach(
  plan: Plan,
  schedule: PlanSchedule,
  renderer: Renderer,
  only: (path: string) => boolean = () => true,
  memo?: RenderMemo,
  onDisk?: DocumentsOnDisk,
): Generator<Rendering, void, undefined> {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const remembered = new Map(memo?.documents);
  const last = memo?.last;
  memo?.documents.clear();
  delete memo?.last;
  // Only local fields changed since the last rendering, with the same templates: a document that reads none of the
  // changed files shows what it showed then.
  const changed = last && renderer.key !== undefined && last.templates === renderer.key ? localChanges(last.plan, plan) : undefined;
  for (const job of documentJobs(plan, schedule)) {
    // Two records may map to one output name (validation reports it: duplicate-id, output-path-clash): keep the first.
    if (seen.has(job.path)) continue;
    seen.add(job.path);
    if (!only(job.path)) continue;
    // Only local fields of these files changed since the build that wrote out/ (with these templates): a document that
    // reads none of them stands on disk as written, and gets no view.
    const standing = onDisk?.edited && !(job.reads ?? job.sources).some((file) => onDisk.edited!.has(file)) ? onDisk.views.get(job.path) : undefined;
    if (standing !== undefined) {
      yield { kept: { path: job.path, key: standing, sources: job.sources } };
      continue;
    }
    const kept = changed && !(job.reads ?? job.sources).some((file) => changed.has(file)) ? remembered.get(job.path) : undefined;
    if (kept) {
      memo?.documents.set(job.path, kept);
      yield { file: kept.file, reused: true };
      continue;
    }
    try {
      const view = job.view();
      const key = (memo || onDisk) && renderer.key !== undefined ? renderKey(renderer, job, view) : undefined;
      // The file in out/ was rendered from this very view (the build manifest says so): it stands as it is.
      if (key !== undefined && onDisk?.views.get(job.path) === key) {
        yield { kept: { path: job.path, key, sources: job.sources } };
        continue;
      }
      const earlier = key !== undefined ? remembered.get(job.path) : undefined;
      if (earlier && earlier.key === key) {
        memo?.documents.set(job.path, earlier);
        yield { file: earlier.file, reused: true };
        continue;
      }
      const markdown = renderer.render(job.template, view);
      if (markdown.length > MAX_DOCUMENT_CHARS) {
        yield { diagnostic: documentTooLarge(job.path, job.sources, markdown.length) };
        return;
      }
      const file = { path: job.path, content: withHeader(wrapMarkdown(markdown, { uniqueHeadings: true })), sources: job.sources };
      if (key !== undefined) memo?.documents.set(job.path, { key, file });
      yield key !== undefined && onDisk ? { file, key } : { file };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const d = error.diagnostic;
      // The same template fails the same way for many documents: reported once.
      const id = `${d.file}:${d.start.line}:${d.start.column}:${d.message}`;
      if (!reported.has(id)) yield { diagnostic: d };
      reported.add(id);
    }
  }
  if (memo && reported.size === 0 && renderer.key !== undefined) memo.last = { plan, templates: renderer.key };
}

/** Renders every document (or those `only` selects) into memory, sorted by path; template failures become diagnostics. */
export function renderDocuments(
  plan: Plan,
  schedule: PlanSchedule,
  renderer: Renderer,
  only: (path: string) => boolean = () => true,
  memo?: RenderMemo,
): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of renderEach(plan, schedule, renderer, only, memo)) {
    if ("file" in r) files.push(r.file);
    else if ("diagnostic" in r) diagnostics.push(r.diagnostic);
  }
  // A document too large ends rendering: nothing of it is kept, as nothing will be written.
  if (diagnostics.some((d) => d.code === "document-too-large")) return { files: [], diagnostics };
  files.sort(byPath);
  return { files, diagnostics };
}

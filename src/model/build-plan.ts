import { diagnostic, sortDiagnostics, type Diagnostic, type Location, FILE_START } from "../diagnostics/diagnostic.js";
import type { ParsedFile, RawRecord } from "../parse/raw-record.js";
import { KINDS, type RecordKind } from "../schema/record-kinds.js";
import { buildDecision } from "./build-decision.js";
import { buildAgent, buildGate, buildProject, buildRisk, buildSession, buildWave, buildWorkstream } from "./build-records.js";
import { compareIds } from "./compare-ids.js";
import { RULES } from "./rules/index.js";
import { decisionsWithoutStatus } from "./decisions-without-status.js";
import type { DecisionStatus, Plan, Project } from "./types.js";

/** Options for building a plan. */
export interface BuildPlanOptions {
  /** The plan folder as shown in diagnostics (`plan`), for problems about a missing file. */
  planDir?: string;
  /** Records built earlier (`watch` keeps them between builds), reused for the raw records they were built from. */
  memo?: RecordMemo;
  /** The status of a decision that writes none (`paraplan.config.json`); `proposed` when unset. */
  defaultDecisionStatus?: DecisionStatus;
}

/**
 * Built records by the raw record they came from, with the problems found building them. A file that was not parsed
 * again keeps its raw records, so its built records stay the same objects from build to build: what lets a later
 * stage tell what changed by identity alone. A workstream's defaults depend on the project: `context` says on which.
 */
export type RecordMemo = WeakMap<RawRecord, { built: unknown; diagnostics: Diagnostic[]; context: string }>;

/** Builds one record, or takes it from the memo when built from the same raw record in the same context. */
function memoized<T>(memo: RecordMemo | undefined, record: RawRecord, context: string, build: (diagnostics: Diagnostic[]) => T, diagnostics: Diagnostic[]): T {
  const kept = memo?.get(record);
  if (kept && kept.context === context) {
    diagnostics.push(...kept.diagnostics);
    return kept.built as T;
  }
  const found: Diagnostic[] = [];
  const built = build(found);
  memo?.set(record, { built, diagnostics: found, context });
  diagnostics.push(...found);
  return built;
}

/** Turns parsed files into the typed, validated plan; every problem of every file is returned, none thrown. */
export function buildPlan(files: readonly ParsedFile[], options: BuildPlanOptions = {}): { plan: Plan; diagnostics: Diagnostic[]; rules: Diagnostic[] } {
  const planDir = options.planDir ?? "plan";
  const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);
  diagnostics.push(...mixedCollections(files));
  const byKind = new Map<RecordKind, RawRecord[]>(KINDS.map((k) => [k.kind, []]));
  for (const file of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    for (const record of file.records) byKind.get(record.kind)!.push(record);
  }
  const records = (kind: RecordKind) => byKind.get(kind)!;

  const { memo } = options;
  const build = <T>(kind: RecordKind, builder: (record: RawRecord, found: Diagnostic[]) => T, context = ""): T[] =>
    records(kind).map((r) => memoized(memo, r, context, (found) => builder(r, found), diagnostics));

  const projectRecords = records("project");
  const project: Project = projectRecords[0] ? memoized(memo, projectRecords[0], "", (found) => buildProject(projectRecords[0]!, found), diagnostics) : placeholderProject(planDir);
  if (!projectRecords[0]) {
    diagnostics.push(
      diagnostic(
        "error",
        "missing-project",
        fileStart(`${planDir}/project.md`),
        "the plan has no project.md",
        "Create project.md with front matter `name: <project>` (run `paraplan init` for an example).",
      ),
    );
  }

  const plan: Plan = {
    project,
    agents: build("agent", buildAgent).sort(ORDER.agents),
    workstreams: build("workstream", (r, found) => buildWorkstream(r, project, found), `${project.name}\0${project.worktreePattern}`).sort(ORDER.workstreams),
    waves: build("wave", buildWave).sort(ORDER.waves),
    gates: build("gate", buildGate).sort(ORDER.gates),
    risks: build("risk", buildRisk).sort(ORDER.risks),
    decisions: build("decision", (r, found) => buildDecision(r, found, options.defaultDecisionStatus), options.defaultDecisionStatus ?? "").sort(ORDER.decisions),
    sessions: build("session", buildSession).sort(ORDER.sessions),
  };
  const rules = checkRules(plan, options.defaultDecisionStatus);
  diagnostics.push(...rules);
  return { plan, diagnostics: sortDiagnostics(diagnostics), rules };
}

/** The problems found across records (references, duplicates, numbering, ADR conventions): every rule, on a built plan. */
export function checkRules(plan: Plan, defaultDecisionStatus: DecisionStatus | undefined): Diagnostic[] {
  const found = RULES.flatMap((rule) => rule.check(plan));
  if (defaultDecisionStatus === undefined) found.push(...decisionsWithoutStatus(plan.decisions));
  return found;
}

/** The collections of a plan, by the kind of record each holds. */
const COLLECTION: { readonly [K in Exclude<RecordKind, "project">]: Exclude<keyof Plan, "project"> } = {
  agent: "agents",
  workstream: "workstreams",
  wave: "waves",
  gate: "gates",
  risk: "risks",
  decision: "decisions",
  session: "sessions",
};

/**
 * The records of one parsed file, built as `buildPlan` builds them (a workstream's defaults from `project`), by
 * collection and in plan order, with the problems found building them: what an edit to that file alone changes.
 */
export function buildFileRecords(
  file: ParsedFile,
  project: Project,
  options: Pick<BuildPlanOptions, "defaultDecisionStatus"> = {},
): { records: Partial<Record<keyof Plan, { source: { file: string } }[]>>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...file.diagnostics];
  const records: Partial<Record<keyof Plan, { source: { file: string } }[]>> = {};
  for (const record of file.records) {
    if (record.kind === "project") {
      (records.project ??= []).push(buildProject(record, diagnostics));
      continue;
    }
    const built = buildOne(record, project, diagnostics, options.defaultDecisionStatus);
    (records[COLLECTION[record.kind]] ??= []).push(built);
  }
  for (const [collection, list] of Object.entries(records)) list.sort(ORDER[collection as keyof Plan] as (a: unknown, b: unknown) => number);
  return { records, diagnostics };
}

/** Builds a record of any kind but the project. */
function buildOne(record: RawRecord, project: Project, found: Diagnostic[], defaultDecisionStatus: DecisionStatus | undefined): { source: { file: string } } {
  switch (record.kind) {
    case "agent":
      return buildAgent(record, found);
    case "workstream":
      return buildWorkstream(record, project, found);
    case "wave":
      return buildWave(record, found);
    case "gate":
      return buildGate(record, found);
    case "risk":
      return buildRisk(record, found);
    case "decision":
      return buildDecision(record, found, defaultDecisionStatus);
    case "session":
      return buildSession(record, found);
    case "project":
      return buildProject(record, found);
  }
}

/** The order of each collection in a plan. */
const ORDER = {
  agents: by<Plan["agents"][number]>((x) => x.id),
  workstreams: by<Plan["workstreams"][number]>((x) => x.id),
  waves: by<Plan["waves"][number]>((x) => x.number),
  gates: by<Plan["gates"][number]>((x) => x.id),
  risks: by<Plan["risks"][number]>((x) => x.id),
  decisions: by<Plan["decisions"][number]>((x) => x.number ?? x.id),
  sessions: by<Plan["sessions"][number]>((x) => `${x.date}-${x.slug}`),
  project: () => 0,
};

/** Orders by key, then by file and position, so duplicates never depend on the order files were read in. */
function by<T extends { source: { file: string; at: Location } }>(key: (t: T) => string | number) {
  return (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    const byKey = typeof ka === "number" && typeof kb === "number" ? ka - kb : compareIds(String(ka), String(kb));
    if (byKey !== 0) return byKey;
    if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
    return (a.source.at.start.offset ?? 0) - (b.source.at.start.offset ?? 0);
  };
}

/** A collection written both as a folder and as a single table file is ambiguous. */
function mixedCollections(files: readonly ParsedFile[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const kind of KINDS) {
    const table = files.find((f) => f.kind === kind.kind && f.shape === "table");
    const folder = files.find((f) => f.kind === kind.kind && f.shape === "file");
    if (table && folder) {
      found.push(
        diagnostic(
          "error",
          "mixed-collection",
          fileStart(table.file),
          `the ${kind.collection} collection is both a table in \`${table.file}\` and a folder of files`,
          `Keep one shape: move the rows into \`${kind.collection}/\` files, or the files into the table.`,
          [{ ...fileStart(folder.file), message: "a file of the folder" }],
        ),
      );
    }
  }
  return found;
}

function fileStart(file: string): Location {
  return { file, ...FILE_START };
}

function placeholderProject(planDir: string): Project {
  const at = fileStart(`${planDir}/project.md`);
  return {
    name: "untitled",
    repository: ".",
    baseBranch: "main",
    worktreePattern: "../{project}-{slug}",
    summary: "",
    context: "",
    goals: [],
    successMetrics: [],
    resolutionProtocol: [],
    extras: [],
    source: { file: at.file, at },
  };
}

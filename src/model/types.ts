import type { Location } from "../diagnostics/diagnostic.js";
import type { ProseMap } from "./prose-at.js";
import type { ExtraSection, Subsection } from "../parse/raw-record.js";

// Sections the parser keeps verbatim: defined by parse, which produces them, and part of the model's records.
export type { ExtraSection, Subsection };

/** A reference to another record (a workstream id, an agent id, an ADR number as text) with where it was written. */
export interface Ref {
  id: string;
  at: Location;
}

/** A file path or glob named in `owns` / `touches`, with where it was written. */
export interface FileRef {
  pattern: string;
  at: Location;
}

/** Where a record came from: its file and the span of the record (the whole file, or one table row). */
export interface Source {
  file: string;
  at: Location;
}

/** A duration in working days: a number (`2`, `1.5`) or a range (`1-2`). */
export interface Duration {
  low: number;
  high: number;
  /** As written, for display (`1-2`). */
  text: string;
}

export type Priority = "critical" | "high" | "medium" | "low";
export type WorkstreamStatus = "planned" | "in progress" | "blocked" | "done" | "merged";
export type RiskSeverity = "high" | "medium" | "low";
export type RiskStatus = "open" | "monitoring" | "mitigated" | "occurred" | "closed";
export type DecisionStatus = "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";

export interface ResolutionRule {
  /** A file path or glob. */
  file: string;
  rule: string;
  at: Location;
}

export interface Project {
  name: string;
  repository: string;
  baseBranch: string;
  baseCommit?: string;
  worktreePattern: string;
  /** Calendar date (YYYY-MM-DD) of day 1, as written; a weekend date means the Monday after (`firstWorkingDay`). */
  startDate?: string;
  /** Where `start_date` is written, for the warning that it is no working day. */
  startDateAt?: Location;
  maxParallel?: number;
  /** Where `max_parallel` is written, for the warning that the plan runs more at once. */
  maxParallelAt?: Location;
  /** The makespan (working days, with waves) the plan must meet. */
  targetDays?: number;
  /** The command that starts an agent's session in a worktree (default `claude`). */
  agentCommand?: string;
  /** Where `target_days` is written, for the warning that the schedule misses it. */
  targetDaysAt?: Location;
  /** Where its prose fields start, for warnings about a sentence inside them (prose-at.ts). */
  proseAt?: ProseMap;
  summary: string;
  context: string;
  goals: string[];
  successMetrics: string[];
  resolutionProtocol: ResolutionRule[];
  extras: ExtraSection[];
  source: Source;
}

export interface Agent {
  id: string;
  name: string;
  role: string;
  workingAgreements: string[];
  /** When to hand work to this persona (its subagent file's `description`), when written. */
  description?: string;
  /** The tools its subagent may use, when written. */
  tools?: string[];
  /** The model its subagent runs on, when written. */
  model?: string;
  extras: ExtraSection[];
  source: Source;
}

export interface Workstream {
  id: string;
  name: string;
  slug: string;
  agent?: Ref;
  days: Duration;
  priority: Priority;
  dependsOn: Ref[];
  softDependsOn: Ref[];
  /** Earliest day it may start (1-based). */
  start?: number;
  /** The wave number that merges it, as written in the workstream (waves may also list it). */
  wave?: number;
  /** Where `wave` is written. */
  waveAt?: Location;
  /** The waves that merge it in parts, ascending, when written (the last one merges the rest). */
  waves?: number[];
  /** Where `waves` is written. */
  wavesAt?: Location;
  /** The day it actually started, when known. */
  started?: number;
  /** The day it actually finished, when known. */
  finished?: number;
  /** True when its front matter could not be read: fields it may hold are not reported missing (one error per cause). */
  frontMatterUnread?: true;
  /** Where its prose fields start, for warnings about a sentence inside them (prose-at.ts). */
  proseAt?: ProseMap;
  branch: string;
  worktree: string;
  owns: FileRef[];
  touches: FileRef[];
  status: WorkstreamStatus;
  goal: string;
  context: string;
  deliverables: string[];
  qualityGates: string[];
  outOfScope: string[];
  notes: string;
  extras: ExtraSection[];
  source: Source;
}

export interface Wave {
  number: number;
  name: string;
  /** Planned merge day; absent means "when its last workstream finishes". */
  day?: number;
  /** Where `day` is written, for the warning that the wave merges later. */
  dayAt?: Location;
  branch?: string;
  workstreams: Ref[];
  coverage?: number;
  gates: Ref[];
  mergeProcedure: string;
  rollback: string;
  extras: ExtraSection[];
  source: Source;
}

export interface Gate {
  id: string;
  name: string;
  command: string;
  threshold?: string;
  /** Wave numbers, or every wave. */
  appliesTo: number[] | "all";
  source: Source;
}

export interface Risk {
  id: string;
  title: string;
  severity: RiskSeverity;
  likelihood?: string;
  status: RiskStatus;
  workstreams: Ref[];
  owner?: string;
  impact: string;
  mitigation: string[];
  contingency: string[];
  currentStatus: string;
  extras: ExtraSection[];
  source: Source;
}

export interface Consequences {
  /** Text written directly under the heading (verbatim). */
  text: string;
  positive: string[];
  negative: string[];
}

/** A typed link from one ADR to another, wherever it was written (front matter, status, a `## Links` list). */
export interface DecisionLink {
  /** `supersedes`, `superseded-by`, `amends`, `amended-by`, `relates-to`, or another relation as written, in kebab case (`refined-by`). */
  relation: string;
  /** The ADR it names, as written: a number (`3`, `ADR-0003`) or a file name (`0003-use-x.md`). */
  target: Ref;
  /** The link's text, when written as a Markdown link (`3. Use X`). */
  label?: string;
  /** Read from the ADR's prose (its status text or `## Links` items), not from a link field: naming an ADR outside the plan there is only a warning. */
  prose?: true;
}

/** A part of an ADR's body in the order written: a `##` section (a field's or not), or the text before the first one. */
export interface DecisionSection {
  /** The heading as written; empty for text before the first section. */
  heading: string;
  /** The field the section gives, if any. */
  field?: string;
  /** The Markdown, verbatim. */
  body: string;
  at: Location;
}

export interface Decision {
  /** How other records name it: its number as text, or for an ADR without a number (log4brains) its file name without `.md`. */
  id: string;
  number?: number;
  title: string;
  /** The first `# Heading` as written (Markdown), when there is one. */
  heading?: string;
  slug: string;
  /** The file name without `.md`, which Markdown links between ADRs use. */
  stem: string;
  status: DecisionStatus;
  /** The status as written, without the link lines of a status section (`Accepted`, `superseded by ADR-0057`); empty when none is written. */
  statusText: string;
  /** Where the status is written, or the record's first line. */
  statusAt: Location;
  /** The date as `YYYY-MM-DD`, when it can be read. */
  date?: string;
  /** The date as written, with where. */
  dateWritten?: { text: string; at: Location };
  deciders: string[];
  consulted: string[];
  informed: string[];
  /** The ADRs it supersedes (the `supersedes` links). */
  supersedes: Ref[];
  /** The ADR that supersedes it (its first `superseded-by` link). */
  supersededBy?: Ref;
  /** Every typed link, supersession included, once each. */
  links: DecisionLink[];
  tags: string[];
  workstreams: Ref[];
  context: string;
  decision: string;
  rationale: string;
  consequences: Consequences;
  alternatives: string[];
  /** Key-value lines with no field of their own (`- Source: <…>`), key and value as written. */
  otherFields: { key: string; value: string }[];
  /** The body in the order written, each section under its own heading: what the ADR page shows. */
  sections: DecisionSection[];
  extras: ExtraSection[];
  source: Source;
}

export interface Session {
  date: string;
  slug: string;
  title: string;
  duration?: string;
  type?: string;
  status?: string;
  summary: string;
  whatChanged: string;
  /** ADR numbers (as text) decided in the session. */
  decisions: Ref[];
  /** Risk ids reviewed in the session. */
  risks: Ref[];
  nextPriorities: Subsection[];
  lessonsLearned: Subsection[];
  nextSessionPreparation: string;
  statistics: { key: string; value: string }[];
  /** The plan as it stood at the session, when its record carries it: a later change of the plan never rewrites the log. */
  snapshot: SessionSnapshot;
  extras: ExtraSection[];
  source: Source;
}

/**
 * What a session record froze of the plan (`session new` / `session freeze` write it as Markdown tables a person may
 * correct). Each part is absent when its table is: the log then shows that part from the current plan, as logs written
 * before snapshots did. Cells are kept as written.
 */
export interface SessionSnapshot {
  /** `Figure | Value` rows: sequential total, makespans, speed-up, peak, wave cost, critical paths. */
  figures?: { figure: string; value: string }[];
  workstreams?: { id: string; name: string; agent: string; days: string; priority: string; status: string; starts: string; worktree: string; branch: string }[];
  waves?: { wave: string; name: string; merges: string; workstreams: string; branch: string }[];
  decisions?: { adr: string; title: string; status: string }[];
  risks?: { risk: string; title: string; severity: string; status: string }[];
}

/** The validated plan: every record kind, references checked. Sorted by id/number/date, never by read order. */
export interface Plan {
  project: Project;
  agents: Agent[];
  workstreams: Workstream[];
  waves: Wave[];
  gates: Gate[];
  risks: Risk[];
  decisions: Decision[];
  sessions: Session[];
}

import type { FieldSpec } from "./field-spec.js";

/** The record kinds of a plan. */
export type RecordKind = "project" | "agent" | "workstream" | "wave" | "gate" | "risk" | "decision" | "session";

/** A record kind: where its files live and which fields it has. */
export interface KindSpec {
  kind: RecordKind;
  /** The folder (`workstreams`) or single file (`project`, without `.md`) it is read from. */
  collection: string;
  /** True when the kind is one file (`project.md`), not a collection. */
  single?: boolean;
  /** How the `# Title` gives fields: `id: name` for workstreams and risks, `N. title` for ADRs. */
  title: "title" | "id-name" | "number-title" | "session-title" | "name";
  /** True when plain `Key: value` lines before the first `##` are fields too, for keys the kind knows (adr-tools `Date:`). */
  plainKeyValues?: boolean;
  fields: readonly FieldSpec[];
}

const PRIORITIES = ["critical", "high", "medium", "low"] as const;
/** The workstream statuses, in the order work goes through them. */
export const WORKSTREAM_STATUSES = ["planned", "in progress", "blocked", "done", "merged"] as const;
const RISK_SEVERITIES = ["high", "medium", "low"] as const;
const RISK_STATUSES = ["open", "monitoring", "mitigated", "occurred", "closed"] as const;
/** The standard ADR statuses. */
export const DECISION_STATUSES = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;

export const PROJECT: KindSpec = {
  kind: "project",
  collection: "project",
  single: true,
  title: "name",
  fields: [
    { name: "name", type: "string", required: true, description: "The project's name." },
    { name: "repository", type: "string", description: "Path of the main checkout (default `.`)." },
    { name: "base_branch", type: "string", description: "The branch workstreams start from and waves end in (default `main`)." },
    { name: "base_commit", type: "string", description: "The commit every worktree starts from." },
    { name: "worktree_pattern", type: "string", description: "Worktree path of a workstream, with `{project}` and `{slug}` (default `../{project}-{slug}`)." },
    { name: "start_date", type: "date", description: "Calendar date of day 1." },
    { name: "max_parallel", type: "integer", description: "Sessions a person can watch at once; exceeding it is a warning." },
    { name: "agent_command", type: "string", description: "The command that starts an agent's session in a worktree, in launch blocks (default `claude`)." },
    {
      name: "target_days",
      type: "integer",
      description: "The makespan the plan must meet, in working days; a schedule with waves that takes longer is a warning naming the smallest changes that would meet it.",
    },
    { name: "summary", type: "text", description: "What the plan is for." },
    { name: "context", type: "text", description: "Background: what was read, what is at stake." },
    { name: "goals", type: "items", description: "What the plan must achieve." },
    { name: "success_metrics", type: "items", description: "How success is measured." },
    { name: "resolution_protocol", type: "table", description: "Table `File` | `Rule`: who wins when parallel work conflicts on a file." },
  ],
};

export const AGENT: KindSpec = {
  kind: "agent",
  collection: "agents",
  title: "name",
  fields: [
    { name: "id", type: "string", description: "The persona's id (default: the file name)." },
    { name: "name", type: "string", description: "Display name (default: the title, or the id)." },
    { name: "role", type: "text", description: "The persona's opening of every prompt." },
    { name: "working_agreements", type: "items", description: "Rules the agent follows in every workstream." },
    {
      name: "description",
      type: "string",
      description: "When a coding agent should hand work to this persona: the `description` of its Claude Code subagent file (default: the role's first sentence).",
    },
    { name: "tools", type: "list", description: "The tools its subagent may use (`Read, Grep, Glob, Bash`); default: every tool." },
    { name: "model", type: "string", description: "The model its subagent runs on (`sonnet`, `opus`, `haiku`, `inherit`); default: the session's." },
  ],
};

export const WORKSTREAM: KindSpec = {
  kind: "workstream",
  collection: "workstreams",
  title: "id-name",
  fields: [
    { name: "id", type: "string", required: true, description: "Short id, e.g. `TD2` (or from a `# TD2: Name` title)." },
    { name: "name", type: "string", description: "Name (or from the title)." },
    { name: "agent", type: "string", description: "The agent persona's id. Not optional in practice: a workstream without one is the error `missing-agent`." },
    { name: "days", type: "duration", required: true, description: "Working days: a number (`2`, `1.5`) or a range (`1-2`)." },
    { name: "priority", type: "enum", values: PRIORITIES, description: "Priority (default `medium`)." },
    { name: "depends_on", type: "list", aliases: ["depends", "dependencies", "blocked_by"], description: "Workstream ids that must be merged before this one starts." },
    { name: "soft_depends_on", type: "list", aliases: ["soft_dependencies"], description: "Workstream ids it benefits from; they never delay it." },
    { name: "start", type: "integer", description: "Earliest day it may start." },
    { name: "wave", type: "integer", description: "The integration wave that merges it." },
    {
      name: "waves",
      type: "wave-list",
      description: "The waves that merge it when it merges in parts (`[2, 3, 4, 5]`): each earlier wave takes what is done by its day, the last one the rest.",
    },
    { name: "slug", type: "string", description: "URL-safe name (default: from `name`)." },
    { name: "branch", type: "string", description: "Git branch (default `workstream/{slug}`)." },
    { name: "worktree", type: "string", description: "Worktree path (default: the project's `worktree_pattern`)." },
    { name: "owns", type: "list", description: "Files or globs it owns." },
    { name: "touches", type: "list", description: "Files or globs it edits but does not own." },
    {
      name: "status",
      type: "enum",
      values: WORKSTREAM_STATUSES,
      valueAliases: { active: "in progress", started: "in progress", complete: "done", completed: "done", finished: "done" },
      description: "Status (default `planned`); `done` and `merged` work is fixed at its actual days and the rest is scheduled from there.",
    },
    { name: "started", type: "integer", description: "The day it actually started (fixes its start; the rest is rescheduled from it)." },
    { name: "finished", type: "integer", description: "The day it actually finished (fixes its finish)." },
    { name: "goal", type: "text", description: "What it achieves." },
    { name: "context", type: "text", description: "What the agent needs to know." },
    { name: "deliverables", type: "items", description: "What it delivers." },
    { name: "quality_gates", type: "items", description: "Checks before merge; inline code in an item is a command." },
    { name: "out_of_scope", type: "items", description: "What it must not do." },
    { name: "notes", type: "text", description: "Anything else." },
  ],
};

export const WAVE: KindSpec = {
  kind: "wave",
  collection: "waves",
  title: "title",
  fields: [
    { name: "wave", type: "integer", required: true, aliases: ["number"], description: "The wave's number." },
    { name: "name", type: "string", description: "Name (default `Wave N`)." },
    { name: "day", type: "integer", description: "Planned merge day (computed when absent)." },
    { name: "branch", type: "string", description: "Integration branch." },
    { name: "workstreams", type: "list", description: "Workstream ids merged in it." },
    { name: "coverage", type: "number", description: "Minimum test coverage, %." },
    { name: "gates", type: "list", description: "Quality gate ids." },
    { name: "merge_procedure", type: "text", description: "How to merge." },
    { name: "rollback", type: "text", description: "How to undo a failed merge." },
  ],
};

export const GATE: KindSpec = {
  kind: "gate",
  collection: "gates",
  title: "name",
  fields: [
    { name: "id", type: "string", required: true, description: "Gate id." },
    { name: "name", type: "string", description: "Name (default: the id)." },
    { name: "command", type: "string", required: true, description: "The exact command to run." },
    { name: "threshold", type: "string", description: "What passing means." },
    { name: "applies_to", type: "wave-set", description: "Wave numbers, or `all` (default)." },
  ],
};

export const RISK: KindSpec = {
  kind: "risk",
  collection: "risks",
  title: "id-name",
  fields: [
    { name: "id", type: "string", required: true, description: "Risk id, e.g. `R1` (or from a `# R1: Title` title)." },
    { name: "title", type: "string", aliases: ["name"], description: "Title (or from the heading)." },
    { name: "severity", type: "enum", values: RISK_SEVERITIES, required: true, description: "Severity." },
    { name: "likelihood", type: "string", aliases: ["probability"], description: "How likely it is." },
    { name: "status", type: "enum", values: RISK_STATUSES, description: "Status (default `open`)." },
    { name: "workstreams", type: "list", description: "Workstream ids it concerns." },
    { name: "owner", type: "string", description: "Who watches it." },
    { name: "impact", type: "text-or-items", description: "What happens if it occurs." },
    { name: "mitigation", type: "items", aliases: ["mitigation_strategy"], description: "What reduces it." },
    { name: "contingency", type: "items", aliases: ["contingency_plan"], description: "What to do if it occurs." },
    { name: "current_status", type: "text", description: "Where it stands." },
  ],
};

export const DECISION: KindSpec = {
  kind: "decision",
  collection: "decisions",
  title: "number-title",
  plainKeyValues: true,
  fields: [
    { name: "number", type: "integer", description: "ADR number (default: from the file name `0003-...`; a `YYYYMMDD-` prefix, as log4brains names files, is a date and gives no number)." },
    { name: "title", type: "string", description: "Title (or from a `# 3. Title` heading)." },
    {
      name: "status",
      type: "lines",
      aliases: ["状态"],
      description:
        "proposed, accepted, rejected, deprecated or superseded, as people write them (`✅ Accepted`, `Superseded by [3. …](…)`, a dated history); other words are kept, with a warning. Links in it (`Amends [5. …](…)`) are links.",
    },
    { name: "date", type: "string", aliases: ["日期"], description: "When it was decided, `YYYY-MM-DD` (`2017/11/22` and other unambiguous dates are read too)." },
    { name: "deciders", type: "list", aliases: ["decision_makers", "decision_maker"], description: "Who decided." },
    { name: "consulted", type: "list", description: "Whose opinion was sought (MADR)." },
    { name: "informed", type: "list", description: "Who is kept up to date (MADR)." },
    { name: "supersedes", type: "list", aliases: ["supercedes", "replaces"], description: "ADRs this one replaces: numbers (`3`, `ADR-0003`) or file names." },
    { name: "superseded_by", type: "string", aliases: ["superceded_by", "replaced_by"], description: "The ADR that replaces this one: a number or a file name." },
    { name: "amends", type: "list", description: "ADRs this one amends." },
    { name: "amended_by", type: "list", description: "ADRs that amend this one." },
    { name: "relates_to", type: "list", aliases: ["related_to"], description: "Related ADRs." },
    {
      name: "links",
      type: "items",
      description: "One link per item, as MADR and log4brains write them (`Supersedes [3. Title](0003-title.md)`, `Relates to ADR-0007`); other items are kept as written.",
    },
    { name: "tags", type: "list", description: "Free tags." },
    { name: "workstreams", type: "list", description: "Workstream ids it governs." },
    { name: "context", type: "text", aliases: ["context_and_problem_statement", "problem_statement", "background", "上下文", "背景"], description: "The forces at play." },
    { name: "decision", type: "text", aliases: ["decision_outcome", "proposal", "决策"], description: "What was decided." },
    { name: "rationale", type: "text", description: "Why." },
    { name: "consequences", type: "consequences", aliases: ["结果", "后果"], description: "Text, or `### Positive` / `### Negative` lists." },
    {
      name: "alternatives_considered",
      type: "text-or-items",
      aliases: ["considered_options", "considered_alternatives", "alternatives", "options_considered"],
      description: "Options not taken: a list, or text.",
    },
  ],
};

export const SESSION: KindSpec = {
  kind: "session",
  collection: "sessions",
  title: "session-title",
  fields: [
    { name: "date", type: "date", description: "Session date (default: from the file name `2025-10-16-...`)." },
    { name: "title", type: "string", description: "Title (or from the heading, without `Session:`)." },
    { name: "duration", type: "string", description: "How long it took." },
    { name: "type", type: "string", aliases: ["session_type"], description: "What kind of session." },
    { name: "status", type: "string", description: "Where things stand at the end." },
    { name: "summary", type: "text", description: "What happened." },
    { name: "what_changed", type: "text", description: "What was created or changed." },
    { name: "decisions", type: "list", aliases: ["decisions_made"], description: "ADR numbers decided (rendered with the ADRs' content)." },
    { name: "risks", type: "list", aliases: ["risks_blockers", "risks_and_blockers"], description: "Risk ids reviewed (rendered from the risk records)." },
    {
      name: "next_priorities",
      type: "subsections",
      aliases: ["next_3_priorities"],
      description: "`### Priority` blocks with Owner, Status, Action, Success Criteria, Timeline, Blockers; `Launch: TD2, TD4` adds a copy-ready launch block per workstream.",
    },
    { name: "lessons_learned", type: "subsections", description: "`### What Worked Well` blocks; one with `####` lessons (Action / Result / Lesson lines) is shown as written." },
    { name: "next_session_preparation", type: "text", description: "What to do before the next session." },
    { name: "statistics", type: "kv", aliases: ["session_statistics"], description: "Key-value lines." },
    { name: "figures", type: "table", description: "Snapshot: `Figure` | `Value`, the schedule's figures on the session's day." },
    { name: "workstreams", type: "table", description: "Snapshot: `ID` | `Name` | `Agent` | `Days` | `Priority` | `Status` | `Starts` | `Worktree` | `Branch`." },
    { name: "waves", type: "table", description: "Snapshot: `Wave` | `Name` | `Merges` | `Workstreams` | `Branch`." },
    { name: "adr_statuses", type: "table", description: "Snapshot: `ADR` | `Title` | `Status` of every ADR on the session's day." },
    { name: "risk_statuses", type: "table", description: "Snapshot: `Risk` | `Title` | `Severity` | `Status` of every risk on the session's day." },
  ],
};

/** Every record kind, in the order documents list them. */
export const KINDS: readonly KindSpec[] = [PROJECT, AGENT, WORKSTREAM, WAVE, GATE, RISK, DECISION, SESSION];

/** The kind of a plan file from its path relative to the plan folder (`workstreams/TD2-x.md`, `waves.md`), or undefined. */
export function kindForPath(relativePath: string): { spec: KindSpec; shape: "file" | "table" | "single" } | undefined {
  const parts = relativePath.split("/");
  if (parts.length === 1) {
    const base = parts[0]!.replace(/\.md$/i, "").toLowerCase();
    const spec = KINDS.find((k) => k.collection === base);
    if (!spec) return undefined;
    return { spec, shape: spec.single ? "single" : "table" };
  }
  const spec = KINDS.find((k) => !k.single && k.collection === parts[0]!.toLowerCase());
  return spec ? { spec, shape: "file" } : undefined;
}

/** Looks a normalised key up among a kind's fields and their aliases. */
export function findField(spec: KindSpec, normalized: string): FieldSpec | undefined {
  return spec.fields.find((f) => f.name === normalized || (f.aliases?.includes(normalized) ?? false));
}

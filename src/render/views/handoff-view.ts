import type { Handoff } from "../../schedule/handoff.js";
import type { Range } from "../../schedule/types.js";

const day = (r: Range) => (r.low === r.high ? `day ${r.high}` : `day ${r.low}-${r.high}`);

/** The view model of `handoff.md`: a hand-off's facts as sentence parts; `changes` is the amendment since the delivery, as Markdown. */
export function handoffView(handoff: Handoff, changes: { since: string; text: string } | null) {
  const h = handoff;
  const b = h.branchState;
  return {
    /** The workstream's id. */
    id: h.id,
    /** Its name. */
    name: h.name,
    /** Its goal, or empty. */
    goal: h.goal,
    /** Its status in the plan. */
    status: h.status,
    /** Its branch. */
    branch: h.branch,
    /** What its branch started from (the diff stat is against it). */
    base: h.base,
    /** The worktree checked out on the branch, else where the plan puts it. */
    worktree: b.worktree ?? h.worktree,
    /** When it runs, as text. */
    when: h.start && h.finish ? `${h.days} days, from ${day(h.start)} to the end of ${day(h.finish)}${h.wave === null ? "" : `, merged with wave ${h.wave}`}` : `${h.days} days`,
    /** Its hard dependencies, each with its state. */
    dependencies: h.dependencies.map((d) => ({ id: d.id, state: d.merged ? "merged" : `${d.status}, not merged yet` })),
    /** Files it owns. */
    owns: h.owns,
    /** Files it edits without owning them. */
    touches: h.touches,
    /** Gates of its wave. */
    gates: h.gates,
    /** Its own quality gates. */
    qualityGates: h.qualityGates,
    /** Its deliverables, with what the branch shows of each. */
    deliverables: h.deliverables.map((d) => ({
      text: d.text,
      state: d.state === "changed" ? "files it names changed on the branch" : d.state === "untouched" ? "none of the files it names changed yet" : "check the commits",
    })),
    /** Whether the branch exists. */
    branchExists: b.exists,
    /** The commits on the branch (newest first), `id subject`. */
    commits: b.commits.map((c) => `${c.id.slice(0, 7)} ${c.subject}`),
    /** The branch's diff stat against its base, or empty. */
    diffStat: b.diffStat,
    /** Files changed in the worktree and not committed. */
    uncommitted: b.uncommitted,
    /** Whether the worktree has a progress.md. */
    hasProgress: h.progress !== null,
    /** The progress file's protocol lines (status, done, next, blockers, gates), empty when missing. */
    progress: { status: h.progress?.status ?? "", done: h.progress?.done ?? "", next: h.progress?.next ?? "", blockers: h.progress?.blockers ?? "", gates: h.progress?.gates ?? "" },
    /** The revision the old session's prompt was delivered at, or empty when none is recorded. */
    since: changes?.since ?? "",
    /** What changed for it in the plan since then (the amendment's sections), or empty. */
    changes: changes?.text ?? "",
  };
}

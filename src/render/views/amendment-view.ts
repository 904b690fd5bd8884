import type { Amendment } from "../../schedule/amendment.js";
import type { Range } from "../../schedule/types.js";
import { fieldSentence } from "../plan-diff-report.js";

const range = (r: Range) => (r.low === r.high ? `day ${r.high}` : `day ${r.low}-${r.high}`);
const span = (start: Range, finish: Range) => `starts ${range(start)}, finishes at the end of ${range(finish)}`;

/** The view model of `amendment.md`: an amendment's facts as the sentences' parts, nothing left to compute. */
export function amendmentView(amendment: Amendment) {
  const a = amendment;
  return {
    /** The workstream's id now. */
    id: a.workstream.id,
    /** Its name. */
    name: a.workstream.name,
    /** The older revision the amendment starts from. */
    since: a.since,
    /** Its old id when it was renamed; empty otherwise. */
    renamedFrom: a.renamedFrom ?? "",
    /** New hard dependencies, each with whether it is merged (`merged`, or its status). */
    newDependencies: a.dependencies.added.map((d) => ({
      id: d.id,
      name: d.name,
      state: d.merged ? "merged: merge it in before you rely on it" : `${d.status}: not merged yet, wait for it or agree an interface`,
    })),
    /** Hard dependencies that went: no longer wait for them. */
    droppedDependencies: a.dependencies.removed,
    /** New soft dependencies. */
    newSoftDependencies: a.softDependencies.added,
    /** Soft dependencies that went. */
    droppedSoftDependencies: a.softDependencies.removed,
    /** Files and globs it may now edit. */
    mayNowEdit: a.files.mayNowEdit,
    /** Files it must leave alone now, each with its owner (empty when nobody owns it). */
    mustLeaveAlone: a.files.mustLeaveAlone.map((f) => ({ pattern: f.pattern, owner: f.owner ?? "" })),
    /** Files it now shares with another workstream. */
    newConflicts: a.files.newConflicts.map((c) => ({ file: c.file, other: c.with })),
    /** Its wave's change, as text (`wave 1 → wave 2`); empty when unchanged. */
    wave: a.wave ? `${a.wave.from === null ? "no wave" : `wave ${a.wave.from}`} → ${a.wave.to === null ? "no wave" : `wave ${a.wave.to}`}` : "",
    /** Its wave's new merge day, as text; empty when unchanged. */
    mergeDay: a.mergeDay ? `wave ${a.mergeDay.wave} now merges at the end of ${range(a.mergeDay.to)} (was ${range(a.mergeDay.from)})` : "",
    /** Gates of its wave that are new. */
    newGates: a.gates.added,
    /** Gates of its wave that changed, with what changed. */
    changedGates: a.gates.changed.map((g) => ({ ...g, changed: g.changed.join(", ") })),
    /** Gates that no longer apply to its wave. */
    droppedGates: a.gates.removed,
    /** Its own quality gates added and removed. */
    qualityGates: a.gates.qualityGates,
    /** Decisions it follows whose status changed (or new ones), with the replacement of a superseded one. */
    decisions: a.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      change: d.from === null ? `new, ${d.to}` : `${d.from} → ${d.to}`,
      replacedBy: d.replacedBy ? `${d.replacedBy.id} (${d.replacedBy.title})` : "",
    })),
    /** Its new duration and days, as text; empty when unchanged. */
    timing: a.timing ? `${a.timing.to.days} days: ${span(a.timing.to.start, a.timing.to.finish)} (was ${a.timing.from.days} days: ${span(a.timing.from.start, a.timing.from.finish)})` : "",
    /** Other changes to its own record, one sentence each. */
    fields: a.fields.map((c) => fieldSentence(a.workstream.id, c)),
    /** The sections of its prompt whose text changed. */
    promptSections: a.promptSections,
    /** What still holds, as sentence parts. */
    stillHolds: a.stillHolds,
  };
}

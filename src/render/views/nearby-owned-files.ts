/**
 * Which files owned by other workstreams an agent could collide with, found through an index by folder.
 *
 * An agent edits the files it owns and touches and creates new ones beside them. Besides a file it shares (the
 * prompt's shared-files section, from the schedule's conflicts), it can collide with a file another workstream owns
 * when that file is near one of its own patterns, by this rule (each pattern has a home: a literal path's folder, a
 * glob's literal prefix, `""` for the root or a glob that may match anywhere):
 *
 * - the two homes are the same folder: the files sit side by side;
 * - one home is the other's parent folder, one level apart: the module's parent (`src/config.ts` for `src/batch/x.ts`)
 *   or a sub-module (`src/batch/io/y.ts`) is where an edit spills over first;
 * - the other's pattern is a glob whose home contains the agent's home at any depth (any glob over the whole of `src`
 *   for `src/batch/io/x.ts`): the glob may claim files the agent creates in its own folder.
 *
 * Folders further apart are not near: with containment at any depth a root file (`package.json`) would be near every
 * file of the plan and its prompt would again grow with the plan. The relation is found from the agent's patterns
 * outward (its home, the parent, the children, the ancestors' globs), so a prompt costs O(own patterns × (depth +
 * nearby)), never a scan of every workstream.
 */
import { isGlob, literalPrefix, normalizePattern } from "../../schedule/file-patterns.js";
import type { Workstream } from "../../model/types.js";

/** One owned pattern of the plan: as written, normalized, its owner, and its place in the plan (for plan order). */
export interface OwnedEntry {
  pattern: string;
  normalized: string;
  owner: string;
  order: number;
}

/** Owned patterns by their home, by their home's parent, and the globs alone by their home. */
export interface OwnedFileIndex {
  byHome: Map<string, OwnedEntry[]>;
  byParentOfHome: Map<string, OwnedEntry[]>;
  globsByHome: Map<string, OwnedEntry[]>;
}

/** The folder a (normalized) pattern's files lie in: a literal path's parent folder, a glob's literal prefix, "" at the root. */
export function homeOf(pattern: string): string {
  if (isGlob(pattern)) return literalPrefix(pattern);
  const slash = pattern.lastIndexOf("/");
  return slash === -1 ? "" : pattern.slice(0, slash);
}

/** The parent of a folder ("" for a top-level folder); the root has none. */
function parentOf(folder: string): string | undefined {
  if (folder === "") return undefined;
  const slash = folder.lastIndexOf("/");
  return slash === -1 ? "" : folder.slice(0, slash);
}

/** Whether folder `outer` contains folder `inner` or is it. */
function contains(outer: string, inner: string): boolean {
  return outer === "" || inner === outer || inner.startsWith(`${outer}/`);
}

/** Whether another workstream's (normalized) pattern `theirs` is near one of the agent's (normalized) patterns `mine`, by the rule above. */
export function isNear(mine: string, theirs: string): boolean {
  const a = homeOf(mine);
  const b = homeOf(theirs);
  return a === b || parentOf(a) === b || parentOf(b) === a || (isGlob(theirs) && contains(b, a));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes every owned pattern of the plan, once per render. */
export function ownedFileIndex(workstreams: readonly Workstream[]): OwnedFileIndex {
  const index: OwnedFileIndex = { byHome: new Map(), byParentOfHome: new Map(), globsByHome: new Map() };
  let order = 0;
  for (const ws of workstreams)
    for (const f of ws.owns) {
      const normalized = normalizePattern(f.pattern);
      const entry: OwnedEntry = { pattern: f.pattern, normalized, owner: ws.id, order: order++ };
      const home = homeOf(normalized);
      push(index.byHome, home, entry);
      const parent = parentOf(home);
      if (parent !== undefined) push(index.byParentOfHome, parent, entry);
      if (isGlob(normalized)) push(index.globsByHome, home, entry);
    }
  return index;
}

/** The owned patterns near any of `patterns` (normalized), each once, in plan order: owners' own included, the caller filters. */
export function ownedNear(index: OwnedFileIndex, patterns: readonly string[]): OwnedEntry[] {
  const found = new Set<OwnedEntry>();
  const add = (list: readonly OwnedEntry[] | undefined) => {
    for (const e of list ?? []) found.add(e);
  };
  for (const home of new Set(patterns.map(homeOf))) {
    add(index.byHome.get(home));
    add(index.byParentOfHome.get(home));
    for (let up = parentOf(home); up !== undefined; up = parentOf(up)) {
      // The parent's every pattern is near; further up only the globs, which may reach down into this folder.
      add(up === parentOf(home) ? index.byHome.get(up) : index.globsByHome.get(up));
    }
  }
  return [...found].sort((x, y) => x.order - y.order);
}

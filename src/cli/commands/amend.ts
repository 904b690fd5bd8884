import path from "node:path";
import { readdir, rm } from "node:fs/promises";
import { writeAtomic } from "../../io/atomic-write.js";
import { comparePlanRevisions } from "../../git/plan-revisions.js";
import { readDeliveryRecord } from "../../git/record-delivery.js";
import { loadTemplates } from "../../io/load-templates.js";
import { makeFolder } from "../../io/make-folder.js";
import { assertWritableInside } from "../../io/inside-folder.js";
import { AMENDMENTS_FOLDER, promptPath } from "../../model/output-paths.js";
import { unknownId } from "../../model/find-by-id.js";
import { createRenderer } from "../../render/renderer.js";
import { renderAmendment } from "../../render/render-amendment.js";
import { amendmentFor, type Amendment } from "../../schedule/amendment.js";
import { shown, type CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** A revision as named to the agent: as written, with its short commit. */
const label = (revision: string, commit: string | undefined) => (commit && !commit.startsWith(revision) ? `${revision} (${commit.slice(0, 7)})` : (commit?.slice(0, 7) ?? revision));

/** The amendments of some workstreams since one revision, against the working tree. */
async function amendmentsSince(context: CommandContext, since: string, ids: (all: string[], renamed: Map<string, string>) => string[]): Promise<Amendment[]> {
  const { before, after, diff } = await comparePlanRevisions(context, since, undefined);
  const renamed = new Map(diff.renamed.filter((r) => r.kind === "workstream").map((r) => [r.from, r.to]));
  const wanted = ids(
    after.plan.workstreams.map((w) => w.id),
    renamed,
  );
  return wanted.flatMap((id) => amendmentFor(diff, before, after, id, label(since, before.commit)) ?? []);
}

/** The workstream the user named (exact, a renamed one's old id, or ignoring case), or a usage error. */
function pick(id: string, all: string[], renamed: Map<string, string>): string {
  const found = all.find((w) => w === id) ?? renamed.get(id) ?? all.find((w) => w.toLowerCase() === id.toLowerCase());
  if (found) return found;
  const unknown = unknownId("workstream", id, all);
  throw new CliError(unknown.message, EXIT.usage, unknown.hint);
}

/** Renders amendments with the project's templates. */
async function rendered(context: CommandContext, amendments: Amendment[]): Promise<string[]> {
  const renderer = createRenderer(await loadTemplates(context.templatesDir, context.root));
  return amendments.map((a) => renderAmendment(renderer, a));
}

/**
 * `paraplan amend <ID> [--since REV]`: a short prompt for the agent already working on a workstream, with only what
 * changed for it since REV (default: the revision its prompt was delivered at). Nothing changed: says so, exit 0.
 */
export async function amend(context: CommandContext, id: string, options: { since?: string }): Promise<ExitCode> {
  let since = options.since;
  if (since === undefined) {
    const { record } = await readDeliveryRecord(context.planDir);
    const delivered = record.workstreams[id] ?? Object.entries(record.workstreams).find(([k]) => k.toLowerCase() === id.toLowerCase())?.[1];
    if (!delivered?.commit)
      throw new CliError(
        `no delivery of the ${id} prompt is recorded${delivered ? " at a commit" : ""}: amend cannot tell what its agent received`,
        EXIT.usage,
        `Pass --since REV (the plan's revision when the agent got its prompt), or record deliveries with \`paraplan prompt ${id} --mark-delivered\`.`,
      );
    if (delivered.dirty) context.stderr(`note: the ${id} prompt was delivered with uncommitted changes to the plan; this compares with commit ${delivered.commit.slice(0, 7)}\n`);
    since = delivered.commit;
  }
  const [amendment] = await amendmentsSince(context, since, (all, renamed) => [pick(id, all, renamed)]);
  if (!amendment || amendment.empty) {
    context.stderr(`nothing changed for ${amendment?.workstream.id ?? id} since ${amendment?.since ?? since}\n`);
    return EXIT.ok;
  }
  const [text] = await rendered(context, [amendment]);
  context.stdout(text!);
  return EXIT.ok;
}

/**
 * `paraplan amend --all [--since REV]`: one file per affected workstream in `out/amendments/` (those left from an
 * earlier run are replaced or removed), each since its own delivery unless --since; lists the unaffected ones.
 */
export async function amendAll(context: CommandContext, options: { since?: string }): Promise<ExitCode> {
  const { record } = await readDeliveryRecord(context.planDir);
  const bySince = new Map<string, string[] | "all">();
  const undelivered: string[] = [];
  if (options.since !== undefined) bySince.set(options.since, "all");
  else {
    for (const [id, d] of Object.entries(record.workstreams)) {
      if (d.commit) bySince.set(d.commit, [...((bySince.get(d.commit) as string[] | undefined) ?? []), id]);
    }
  }
  const amendments: Amendment[] = [];
  const seen = new Set<string>();
  for (const [since, ids] of bySince) {
    const found = await amendmentsSince(context, since, (all, renamed) => (ids === "all" ? all : ids.flatMap((id) => (all.includes(id) ? [id] : renamed.has(id) ? [renamed.get(id)!] : []))));
    for (const a of found) seen.add(a.workstream.id);
    amendments.push(...found);
  }
  if (options.since === undefined) {
    const { loadProject } = await import("../../io/build.js");
    const { plan } = await loadProject(context);
    for (const w of plan.workstreams) if (!seen.has(w.id)) undelivered.push(w.id);
  }
  const affected = amendments.filter((a) => !a.empty).sort((a, b) => (a.workstream.id < b.workstream.id ? -1 : 1));
  const unaffected = amendments
    .filter((a) => a.empty)
    .map((a) => a.workstream.id)
    .sort();
  const dir = path.join(context.outDir, AMENDMENTS_FOLDER);
  const texts = await rendered(context, affected);
  const written = new Set<string>();
  if (affected.length > 0) await makeFolder(dir);
  for (const [i, a] of affected.entries()) {
    const name = path.basename(promptPath(a.workstream));
    const abs = path.join(dir, name);
    await assertWritableInside(context.outDir, abs, "the output folder");
    await writeAtomic(abs, texts[i]!);
    written.add(name);
    context.stdout(`wrote ${shown(context, abs)} (${a.workstream.id}, since ${a.since})\n`);
  }
  // Amendments an earlier run wrote for workstreams that no longer need one would mislead: they go.
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.endsWith(".md") && !written.has(name)) await rm(path.join(dir, name), { force: true });
  }
  if (affected.length === 0) context.stdout("no workstream is affected\n");
  if (unaffected.length > 0) context.stdout(`unaffected: ${unaffected.join(", ")}\n`);
  if (undelivered.length > 0) context.stdout(`no delivery recorded (pass --since REV to include them): ${undelivered.join(", ")}\n`);
  return EXIT.ok;
}

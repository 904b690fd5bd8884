/**
 * The audit as SARIF 2.1.0, the format GitHub code scanning uploads: stable rule ids (`paraplan/trespass`, …),
 * paths relative to the repository's top under the `%SRCROOT%` base, and a partial fingerprint per result, so the
 * same finding on the next run is recognised as the same alert. Types only from `@types/sarif`.
 */
import { createHash } from "node:crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { AuditFinding, AuditReport, FindingKind } from "./audit.js";

const RULES: Record<FindingKind, { name: string; level: Result.level; short: string; help: string }> = {
  trespass: {
    name: "OwnershipTrespass",
    level: "error",
    short: "A workstream's branch changes a file another workstream owns.",
    help: "The plan gives each file one owner (`owns` in its workstream). A branch that changes a file another workstream owns will collide with it at merge time. Either declare the edit (`paraplan add <ID> touches <file>`: the owner keeps the file, and the schedule lists the shared file so a resolution rule can cover it) or transfer ownership (`paraplan remove <OWNER> owns <file>` and `paraplan add <ID> owns <file>`), or move the change to the owner's branch.",
  },
  undeclared: {
    name: "UndeclaredFile",
    level: "warning",
    short: "A workstream's branch changes a file no workstream owns and it does not declare.",
    help: "Nothing in the plan says this workstream edits this file, so the schedule cannot see the conflicts it may cause. Declare it in the workstream's `touches` (`paraplan add <ID> touches <file>`) or `owns` (`paraplan add <ID> owns <file>`).",
  },
  untouched: {
    name: "DeclaredFileUntouched",
    level: "note",
    short: "A workstream declares a file (or glob) its branch has not changed.",
    help: "The workstream lists this file or glob in `owns` or `touches` and its branch has not changed anything it names yet. This is information: the work may not have reached it, or the declaration is wider than the work.",
  },
};

/** The stable id of a rule. */
export const ruleId = (kind: FindingKind): string => `paraplan/${kind}`;

/** A repository-relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** The fingerprint that identifies a finding across runs: its rule, workstream and file, not its wording. */
function fingerprint(f: AuditFinding): string {
  return createHash("sha256")
    .update(`${ruleId(f.kind)}\0${f.workstream}\0${f.file}`)
    .digest("hex");
}

/** The audit as a SARIF 2.1.0 log; `version` is paraplan's. */
export function auditSarif(report: AuditReport, version: string): Log {
  const kinds = Object.keys(RULES) as FindingKind[];
  const rules: ReportingDescriptor[] = kinds.map((kind) => ({
    id: ruleId(kind),
    name: RULES[kind].name,
    shortDescription: { text: RULES[kind].short },
    fullDescription: { text: RULES[kind].help },
    help: { text: RULES[kind].help, markdown: RULES[kind].help },
    defaultConfiguration: { level: RULES[kind].level },
  }));
  const results: Result[] = report.workstreams.flatMap((w) =>
    w.findings.map((f): Result => {
      const fixes = f.fixes.length > 0 ? ` Fix: ${f.fixes.join(" — or: ")}` : "";
      return {
        ruleId: ruleId(f.kind),
        ruleIndex: kinds.indexOf(f.kind),
        level: RULES[f.kind].level,
        message: { text: `${f.message}.${fixes}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.file), uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } } }],
        partialFingerprints: { "paraplanFinding/v1": fingerprint(f) },
        properties: { workstream: f.workstream, branch: w.branch, ...(f.owners.length > 0 ? { owners: f.owners } : {}), ...(f.where ? { where: f.where } : {}) },
      };
    }),
  );
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "paraplan", version, semanticVersion: version, rules } },
        results,
      },
    ],
  };
}

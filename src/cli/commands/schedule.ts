import { summarize } from "../../diagnostics/format.js";
import { loadProject } from "../../io/build.js";
import type { ScheduleVariant } from "../../schedule/types.js";
import type { CommandContext } from "../context.js";
import { printDiagnostics } from "../shown-diagnostics.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { terminalTable } from "../terminal-table.js";
import { criticalPathText } from "../../render/views/critical-path-text.js";
import { range, spanPair } from "../../render/views/figures.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";

/** `paraplan schedule`: the computed timeline, critical path, speed-up, waves and conflicts, as tables or JSON. */
export async function schedule(context: CommandContext, options: { json: boolean }): Promise<ExitCode> {
  const { plan, schedule: s, diagnostics } = await loadProject(context);
  if (options.json) {
    context.stdout(`${JSON.stringify({ schedule: s, diagnostics }, null, 2)}\n`);
    return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
  }
  const { bold } = context.paint;
  const w: ScheduleVariant = s.withWaves.high;
  const deps = new Map(s.dependenciesOnly.high.workstreams.map((t) => [t.id, t]));
  const out: string[] = [];
  out.push(bold("Figures"), "");
  out.push(
    terminalTable(
      ["", "with waves", "dependencies only"],
      [
        ["makespan (days)", range({ low: s.withWaves.low.makespan, high: w.makespan }), range({ low: s.dependenciesOnly.low.makespan, high: s.dependenciesOnly.high.makespan })],
        ["speed-up", `${range(s.speedUp.withWaves)}×`, `${range(s.speedUp.dependenciesOnly)}×`],
        ["critical path", w.criticalPaths.map((p) => criticalPathText(plan, p)).join("; ") || "—", s.dependenciesOnly.high.criticalPaths.map((p) => p.join(" → ")).join("; ") || "—"],
        ["peak concurrency", `${w.peak.count} (days ${w.peak.days.join(", ")})`, `${s.dependenciesOnly.high.peak.count}`],
      ],
      bold,
    ),
  );
  out.push(`sequential total: ${range(s.sequentialTotal)} days; ${s.waveCost.summary}`, "");
  out.push(bold("Workstreams"), "");
  const exec = new Map(s.execution.workstreams.map((e) => [e.id, e]));
  const depsLow = new Map(s.dependenciesOnly.low.workstreams.map((t) => [t.id, t]));
  out.push(
    terminalTable(
      ["id", "days", "status", "wave", "works on days", "slack", "critical", "branches from", "deps-only days"],
      plan.workstreams.map((ws) => {
        const e = exec.get(ws.id);
        const t = w.workstreams.find((x) => x.id === ws.id);
        const d = deps.get(ws.id);
        const dl = depsLow.get(ws.id);
        return [
          ws.id,
          ws.days.text,
          ws.status,
          e && e.wave !== null ? [...e.partWaves, e.wave].join(",") : "—",
          e ? spanPair(e.start, e.finish) : "—",
          String(t?.slack ?? "—"),
          t?.critical ? "yes" : "",
          e ? e.base.ref : "—",
          d && dl ? spanPair({ low: dl.start, high: d.start }, { low: dl.finish, high: d.finish }) : "—",
        ];
      }),
      bold,
    ),
  );
  if (s.execution.canStartNow.length > 0) out.push(`can start now: ${s.execution.canStartNow.join(", ")}`, "");
  out.push(bold("Timeline (with waves)"), "");
  out.push(
    terminalTable(
      ["day", "active", "starts", "finishes", "merges"],
      w.days.map((d) => [String(d.day), d.active.join(" "), d.starting.join(" "), d.finishing.join(" "), d.merging.map((n) => `wave ${n}`).join(" ")]),
      bold,
    ),
  );
  if (w.waves.length > 0) {
    out.push(bold("Waves"), "");
    out.push(
      terminalTable(
        ["wave", "planned", "merges", "late", "waiting for"],
        w.waves.map((v) => [
          String(v.number),
          v.plannedDay === null ? "—" : String(v.plannedDay),
          String(v.mergeDay),
          v.lateBy > 0 ? `${v.lateBy}` : "",
          [...v.lateWorkstreams, ...(v.waitsForWave !== null ? [`wave ${v.waitsForWave}`] : [])].join(", "),
        ]),
        bold,
      ),
    );
  }
  if (s.conflicts.length > 0) {
    out.push(bold("File conflicts"), "");
    out.push(
      terminalTable(
        ["file", "workstreams", "days", "rule"],
        s.conflicts.map((c) => [
          c.file,
          c.sides.map((x) => `${x.workstream} (${x.kind})`).join(", "),
          c.overlapping ? c.days.high.join(",") : "no overlap",
          c.rule?.rule ?? (c.overlapping ? "NO RULE" : ""),
        ]),
        bold,
      ),
    );
  }
  context.stdout(out.join("\n"));
  if (diagnostics.length > 0) context.stderr(printDiagnostics(context, diagnostics) + `${summarize(diagnostics)}\n`);
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}

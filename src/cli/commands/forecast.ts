import { printable } from "../../diagnostics/printable.js";
import { rangeText } from "../../git/conflict-markers.js";
import { forecastWaves, type WaveForecast } from "../../git/forecast.js";
import { runGatesOnCommit, type GateRun } from "../../git/gate-run.js";
import { gatesOfWave } from "../../model/wave-gates.js";
import { plural } from "../../diagnostics/plural.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { openPlanRepository } from "../plan-repository.js";

/**
 * `paraplan forecast [WAVE]`: simulates the wave's merges (every wave in turn without one, each on top of the last) and
 * prints what would conflict and a better order; `gates` runs each wave's gates on its simulated result. Exit 0
 * whatever it forecasts, 1 when a gate fails or the plan has errors.
 */
export async function forecast(context: CommandContext, waveArg: string | undefined, options: { json: boolean; gates?: boolean }): Promise<ExitCode> {
  const { loaded, repo } = await openPlanRepository(context, [], { strict: true, prompts: false });
  const { plan, schedule } = loaded;
  const execution = schedule.execution;
  const numbers = execution.waves.map((w) => w.number);
  let chosen = numbers;
  if (waveArg !== undefined) {
    const n = Number(waveArg.replace(/^wave-?/i, ""));
    if (!numbers.includes(n))
      throw new CliError(`unknown wave ${waveArg}, expected one of: ${numbers.join(", ") || "(the plan has no waves)"}`, EXIT.usage, "Name a wave by its number, as `paraplan list waves` shows them.");
    chosen = [n];
  }
  const position = new Map(plan.workstreams.map((w, i) => [w.id, i]));
  const forecasts = await forecastWaves(repo.top, execution, chosen, { chain: waveArg === undefined, env: context.env, position });
  const gated: GatedForecast[] = [];
  for (const f of forecasts) {
    if (!options.gates) {
      gated.push(f);
      continue;
    }
    const record = plan.waves.find((w) => w.number === f.wave);
    const gates = gatesOfWave(plan.gates, record ?? { number: f.wave, gates: [] }).filter((g) => g.command.trim() !== "");
    const { runs } = await runGatesOnCommit(repo.top, f.result, gates, { env: context.env });
    gated.push({ ...f, gates: runs });
  }
  if (options.json) context.stdout(`${JSON.stringify({ waves: gated }, null, 2)}\n`);
  else context.stdout(forecastText(gated, context));
  return gated.some((f) => f.gates?.some((g) => !g.passed)) ? EXIT.invalid : EXIT.ok;
}

/** A wave's forecast, with its gates' runs when `--gates` asked for them. */
type GatedForecast = WaveForecast & { gates?: GateRun[] };

/** The forecast for a person: each wave, each merge, each conflicting file with its hunks and who it collides with. */
function forecastText(forecasts: readonly GatedForecast[], context: CommandContext): string {
  const { red, green, dim, bold } = { ...context.paint, green: context.paint.cyan };
  const lines: string[] = [];
  for (const f of forecasts) {
    lines.push(bold(`Wave ${f.wave}`) + ` → ${printable(f.branch)}, from ${printable(f.from)}`);
    for (const m of f.merges) {
      const name = `${m.id}${m.part ? " (part)" : ""} ${printable(m.branch)}`;
      if (m.clean) {
        lines.push(`  ${name}: ${green("clean")}`);
        continue;
      }
      lines.push(`  ${name}: ${red(`conflicts in ${plural(m.conflicts.length, "file")}`)}`);
      for (const c of m.conflicts) {
        const kinds = c.kinds.length > 0 ? ` (${c.kinds.join(", ")})` : "";
        const who = c.collidesWith.length > 0 ? `collides with ${c.collidesWith.join(", ")}` : `collides with what the wave starts from (${printable(f.from)}), changed since the branch left it`;
        lines.push(`    ${printable(c.path)}${kinds}: ${who}`);
        for (const h of c.hunks) lines.push(`      ${dim("hunk:")} ${rangeText(h.ours)} of the integration tree against ${rangeText(h.theirs)} of ${printable(m.branch)}`);
      }
    }
    for (const m of f.missing) lines.push(`  ${m.id} ${printable(m.branch)}: ${dim("branch does not exist yet (left out)")}`);
    if (f.conflicts === 0) lines.push(`  ${f.merges.length > 0 ? "merges cleanly" : "nothing to merge yet"}`);
    else if (f.suggestion)
      lines.push(
        `  ${plural(f.conflicts, "conflicting file")} in the planned order; merge in this order instead: ${f.suggestion.order.join(", ")} (${f.suggestion.conflicts === 0 ? "no conflict" : plural(f.suggestion.conflicts, "conflicting file")})`,
      );
    else lines.push(`  ${plural(f.conflicts, "conflicting file")}; no other order conflicts less`);
    if (f.gates && f.gates.length === 0) lines.push(`  ${dim("no gates apply to this wave")}`);
    for (const g of f.gates ?? []) {
      lines.push(`  gate ${printable(g.id)} (${printable(g.command)}): ${g.passed ? green("passed") : red(`failed${g.code !== null ? ` (exit ${g.code})` : ""}`)}`);
      if (!g.passed && g.output !== "") lines.push(...g.output.split("\n").map((l) => `    ${dim(printable(l))}`));
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

import { hasErrors } from "../../diagnostics/diagnostic.js";
import { printable } from "../../diagnostics/printable.js";
import { rangeText } from "../../git/conflict-markers.js";
import { forecastWaves, type WaveForecast } from "../../git/forecast.js";
import { planRepository } from "../../git/plan-repository.js";
import { loadWithEnv } from "../build-env.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { printDiagnostics } from "../shown-diagnostics.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * `paraplan forecast [WAVE]`: simulates the wave's merges (every wave in turn without one, each on top of the last) and
 * prints what would conflict and a better order. Exit 0 whatever it forecasts, 1 when the plan has errors.
 */
export async function forecast(context: CommandContext, waveArg: string | undefined, options: { json: boolean }): Promise<ExitCode> {
  const { plan, schedule, diagnostics } = await loadWithEnv(context);
  if (hasErrors(diagnostics)) {
    context.stderr(printDiagnostics(context, diagnostics));
    context.stderr("the plan has errors: fix them before forecasting the merges\n");
    return EXIT.invalid;
  }
  const execution = schedule.execution;
  const numbers = execution.waves.map((w) => w.number);
  let chosen = numbers;
  if (waveArg !== undefined) {
    const n = Number(waveArg.replace(/^wave-?/i, ""));
    if (!numbers.includes(n)) throw new CliError(`unknown wave ${waveArg}, expected one of: ${numbers.join(", ") || "(the plan has no waves)"}`, EXIT.usage, "Name a wave by its number, as `paraplan list waves` shows them.");
    chosen = [n];
  }
  const repo = await planRepository(context.root, plan.project.repository);
  if (!repo) throw new CliError(`${plan.project.repository === "." ? context.root : plan.project.repository} is not in a git repository`, EXIT.usage, "Run paraplan forecast inside the repository the plan describes, or set `repository` in project.md to its path.");
  const position = new Map(plan.workstreams.map((w, i) => [w.id, i]));
  const forecasts = await forecastWaves(repo.top, execution, chosen, { chain: waveArg === undefined, env: context.env, position });
  if (options.json) context.stdout(`${JSON.stringify({ waves: forecasts }, null, 2)}\n`);
  else context.stdout(forecastText(forecasts, context));
  return EXIT.ok;
}

/** The forecast for a person: each wave, each merge, each conflicting file with its hunks and who it collides with. */
function forecastText(forecasts: readonly WaveForecast[], context: CommandContext): string {
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
        const who = c.collidesWith.length > 0 ? `collides with ${c.collidesWith.join(", ")}` : `collides with ${printable(f.from)}`;
        lines.push(`    ${printable(c.path)}${kinds}: ${who}`);
        for (const h of c.hunks) lines.push(`      ${dim("hunk:")} ${rangeText(h.ours)} of the integration tree against ${rangeText(h.theirs)} of ${printable(m.branch)}`);
      }
    }
    for (const m of f.missing) lines.push(`  ${m.id} ${printable(m.branch)}: ${dim("branch does not exist yet (left out)")}`);
    if (f.conflicts === 0) lines.push(`  ${f.merges.length > 0 ? "merges cleanly" : "nothing to merge yet"}`);
    else if (f.suggestion) lines.push(`  ${plural(f.conflicts, "conflicting file")} in the planned order; merge in this order instead: ${f.suggestion.order.join(", ")} (${f.suggestion.conflicts === 0 ? "no conflict" : plural(f.suggestion.conflicts, "conflicting file")})`);
    else lines.push(`  ${plural(f.conflicts, "conflicting file")}; no other order conflicts less`);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

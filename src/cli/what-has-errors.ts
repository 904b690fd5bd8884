import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Says where the errors are, so a typo in a template is not reported as a broken plan: "the plan", "a template" or both. */
export function whatHasErrors(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const template = errors.some((d) => d.code === "template-error");
  const plan = errors.some((d) => d.code !== "template-error");
  return template && plan ? "the plan and a template have errors" : template ? "a template has errors (template error)" : "the plan has errors";
}

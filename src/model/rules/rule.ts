import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Plan } from "../types.js";

/** A validation rule: a named function from the plan to the problems it finds. It only reports. */
export interface Rule {
  name: string;
  check(plan: Plan): Diagnostic[];
}

import { duplicateIds } from "./duplicate-ids.js";
import { references } from "./references.js";
import type { Rule } from "./rule.js";

/** Every validation rule, run in this order; the runner sorts what they report. */
export const RULES: readonly Rule[] = [duplicateIds, references];

import { decisionDates } from "./decision-dates.js";
import { decisionGuidance } from "./decision-guidance.js";
import { decisionLinks } from "./decision-links.js";
import { decisionNumbering } from "./decision-numbering.js";
import { decisionSections } from "./decision-sections.js";
import { decisionSupersession } from "./decision-supersession.js";
import { duplicateIds } from "./duplicate-ids.js";
import { missingAgent } from "./missing-agent.js";
import { outputClashes } from "./output-clashes.js";
import { references } from "./references.js";
import { startDate } from "./start-date.js";
import type { Rule } from "./rule.js";

/** Every validation rule, run in this order; the runner sorts what they report. */
export const RULES: readonly Rule[] = [
  duplicateIds,
  references,
  missingAgent,
  decisionLinks,
  decisionSupersession,
  decisionGuidance,
  decisionNumbering,
  decisionDates,
  decisionSections,
  startDate,
  outputClashes,
];

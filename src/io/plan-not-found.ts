/** The plan folder does not exist; the error itself lives with the other typed errors. */
export { PlanNotFoundError } from "../diagnostics/errors.js";

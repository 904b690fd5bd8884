/** The plan folder does not exist (a usage or file-system problem, not a plan diagnostic). */
export class PlanNotFoundError extends Error {
  constructor(readonly planDir: string) {
    super(`plan folder not found: ${planDir}`);
  }
}

import path from "node:path";
import { findRepository, type Repository } from "./repository.js";

/** The git repository a plan describes: its project's `repository` (default `.`), relative to the project root. */
export async function planRepository(root: string, repository: string): Promise<Repository | undefined> {
  return findRepository(path.resolve(root, repository || "."));
}

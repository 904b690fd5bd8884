import path from "node:path";

/** A path with `/` separators whatever the system, as the model, outputs and messages store paths. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

import { realpath } from "node:fs/promises";
import path from "node:path";

/**
 * Where a path really is once symbolic links are followed: the real path of its nearest existing part, with the rest
 * (folders not made yet) after it. What is written under `p` lands there, so containment is checked on this.
 */
export async function realLocation(p: string): Promise<string> {
  let dir = p;
  for (;;) {
    const real = await realpath(dir).catch(() => undefined);
    if (real !== undefined) return path.join(real, path.relative(dir, p));
    const parent = path.dirname(dir);
    if (parent === dir) return p;
    dir = parent;
  }
}

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Most tests run the CLI in-process (tests/helpers/run-in-process.ts); the few end-to-end tests of the built binary
// (the bin itself, watch, signals, interrupted writes) need dist/. It is compiled here, once per run and only when a
// source file is newer than it, so `npm test` needs no build step before it.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Vitest's global setup: builds dist/ when it is missing or older than src/. */
export default function setup(): void {
  const dist = path.join(ROOT, "dist");
  const built = existsSync(path.join(dist, "cli.js")) ? newest(dist) : 0;
  const sources = Math.max(newest(path.join(ROOT, "src")), statSync(path.join(ROOT, "tsconfig.json")).mtimeMs, statSync(path.join(ROOT, "package.json")).mtimeMs);
  if (built >= sources) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // Emit only: the same files `npm run build` writes (its emit does not depend on the type check), in 4 s of CPU
  // instead of 11, which every test waited for. Type errors are `npm run typecheck`'s to report, and CI runs it.
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], { cwd: ROOT, stdio: "inherit" });
}

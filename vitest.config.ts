import { availableParallelism } from "node:os";
import { defineConfig, type Plugin } from "vitest/config";

// Tests whose outcome depends on how deep the stack is when they start (nesting limits, fuzzers that must not
// overflow it) or that measure their own heap run each file in a fresh module graph; every other file shares its
// worker's loaded modules. (The fuzz test, run in a shared worker after other files, took three times as long.)
const ISOLATED = ["tests/parse/limits.test.ts", "tests/robustness/fuzz.test.ts", "tests/robustness/slow-shapes.test.ts", "tests/robustness/file-shapes.test.ts", "tests/robustness/size.test.ts"];

/**
 * Vite resolves packages with the `development` export condition in tests, and Vitest passes it on to Node
 * (`--conditions development`): micromark, which parses every plan file, then loads its development build, with
 * assertions and `debug` calls on every token, and parsed a plan about twice as slowly as the binary users run. This
 * drops the condition (a setting cannot: Vite adds it to any list given), so tests load the packages' default builds.
 */
function defaultBuilds(): Plugin {
  return {
    name: "paraplan-default-builds",
    configResolved(config) {
      for (const conditions of [config.resolve.conditions, config.ssr.resolve?.conditions]) {
        if (!conditions) continue;
        const kept = conditions.filter((c) => c !== "development" && c !== "development|production");
        conditions.splice(0, conditions.length, ...kept);
      }
    },
  };
}

export default defineConfig({
  plugins: [defaultBuilds()],
  test: {
    environment: "node",
    testTimeout: 30_000,
    // The global setup compiles dist/ for the end-to-end tests of the built binary, when it is out of date.
    globalSetup: ["tests/global-setup.ts"],
    // One test file per core. Vitest's default keeps a core free, which on a 2-core machine runs the files one at a
    // time: 263 s for the suite against 153 s with both cores (more workers than cores gained nothing).
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "isolated", include: ISOLATED } },
      // Sharing a worker's modules saves importing paraplan afresh for every file (29 s of imports; the suite 153 s to
      // about 115 s here): these files keep no state in modules, each works in its own temporary folders and passes its
      // own environment to `run(argv, io)`.
      { extends: true, test: { name: "shared", include: ["tests/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
    ],
  },
});

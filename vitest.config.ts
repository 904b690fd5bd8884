import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Tests whose outcome depends on how deep the stack is when they start (nesting limits, fuzzers that must not
// overflow it) or that measure their own heap run each file in a fresh module graph; every other file shares its
// worker's loaded modules. (The fuzz test, run in a shared worker after other files, took three times as long.)
const ISOLATED = ["tests/parse/limits.test.ts", "tests/robustness/fuzz.test.ts", "tests/robustness/slow-shapes.test.ts", "tests/robustness/file-shapes.test.ts", "tests/robustness/size.test.ts"];

export default defineConfig({
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

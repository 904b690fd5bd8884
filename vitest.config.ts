import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // The global setup compiles dist/ for the end-to-end tests of the built binary, when it is out of date.
    globalSetup: ["tests/global-setup.ts"],
    // One test file per core. Vitest's default keeps a core free, which on a 2-core machine runs the files one at a
    // time: 263 s for the suite against 153 s with both cores (more workers than cores gained nothing).
    maxWorkers: availableParallelism(),
  },
});

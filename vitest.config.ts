import { defineConfig } from "vitest/config";

export default defineConfig({
  // The global setup compiles dist/ for the end-to-end tests of the built binary, when it is out of date.
  test: { include: ["tests/**/*.test.ts"], environment: "node", testTimeout: 30_000, globalSetup: ["tests/global-setup.ts"] },
});

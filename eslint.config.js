// @ts-check
import { defineConfig, globalIgnores } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "out/", "coverage/", "node_modules/", "tests/fixtures/", ".scratch/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.js", "**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
  {
    // The pure core never touches the file system or the process: only io/ and cli/ may.
    files: ["src/parse/**", "src/model/**", "src/schedule/**", "src/render/**", "src/diagnostics/**", "src/writeback/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:fs", "node:fs/*", "fs", "node:child_process"], message: "The core is pure: do IO in src/io or src/cli." }] }],
      "no-restricted-globals": ["error", { name: "process", message: "The core is pure: pass values in from src/cli." }],
    },
  },
);

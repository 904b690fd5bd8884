// @ts-check
import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layers of `src/`, bottom to top. A folder may import itself and the folders below it, never one above
 * (`src/version.ts` reads package.json, so it sits with `io`; `src/cli.ts`, the bin, is above everything). `git` runs
 * git as a child process and reads the repository; `mcp` is the agent-facing server, built on the layers below.
 */
const LAYERS = ["diagnostics", "schema", "parse", "model", "schedule", "render", "writeback", "io", "git", "mcp", "cli"];

/** The pure core: everything below `io`. It never touches the file system or the process. */
const CORE = LAYERS.slice(0, LAYERS.indexOf("io"));

/**
 * The only Node modules the core may import, because they are pure functions of their arguments:
 * - `node:path/posix`: string helpers for the POSIX paths used inside a plan and its output (never `node:path`,
 *   whose behaviour changes with the platform);
 * - `node:crypto`: hashing only (`createHash`), for stable file names and content hashes;
 * - `node:util`: `isDeepStrictEqual`.
 * Every other `node:` module, and every built-in by its bare name (`fs`, `path`), is refused.
 */
const PURE_NODE_MODULES = ["node:path/posix", "node:crypto", "node:util"];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A relative import that climbs into one of `folders` (`../model/types.js`, `../../render/x.js`). */
const intoFolders = (folders) => `^(\\./)?(\\.\\./)+(${folders.map(escape).join("|")})(/|$)`;

/** The `no-restricted-imports` options of one folder of `src/`: one rule entry, since a later entry replaces an earlier one. */
function restrictedImports(layer) {
  const above = LAYERS.slice(LAYERS.indexOf(layer) + 1);
  const patterns = [];
  if (above.length > 0) {
    // `io` and above may import `../version.js`; the core may not (it reads package.json).
    const upward = CORE.includes(layer) ? [...above, "version.js"] : above;
    patterns.push({
      regex: intoFolders(upward),
      message: `src/${layer} may import only the folders below it (${LAYERS.slice(0, LAYERS.indexOf(layer)).join(", ") || "none"}) and itself: move what it needs down a layer.`,
    });
  }
  if (layer === "cli") {
    // program.ts is the top of cli: it imports the command table, and nothing in cli imports it back (no cycle).
    patterns.push({
      regex: "^\\.\\.?/(\\.\\./)*program\\.js$",
      message: "Nothing in src/cli imports program.ts: a command group takes its types from register-tools.ts and is listed in command-table.ts.",
    });
  }
  if (!CORE.includes(layer)) return ["error", { patterns }];
  patterns.push({
    regex: `^node:(?!(${PURE_NODE_MODULES.map((m) => escape(m.slice("node:".length))).join("|")})$)`,
    message: `The core is pure: do IO in src/io or src/cli (it may import only ${PURE_NODE_MODULES.join(", ")}).`,
  });
  const bare = builtinModules.filter((name) => !name.startsWith("_") && !name.startsWith("node:"));
  return ["error", { paths: bare.map((name) => ({ name, message: `The core imports Node modules by their node: name, and only ${PURE_NODE_MODULES.join(", ")}.` })), patterns }];
}

export default defineConfig(
  globalIgnores(["dist/", "out/", "coverage/", "node_modules/", "tests/fixtures/", ".scratch/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.js", "**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
  // The layering, enforced per folder (see LAYERS above).
  ...LAYERS.map((layer) => ({ files: [`src/${layer}/**`], rules: { "no-restricted-imports": restrictedImports(layer) } })),
  {
    // The pure core never touches the file system or the process: only io/ and cli/ may.
    files: CORE.map((layer) => `src/${layer}/**`),
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "The core is pure: pass values in from src/cli." }],
    },
  },
);

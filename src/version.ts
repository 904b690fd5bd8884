import { createRequire } from "node:module";

// Read from package.json so the version printed, exported and keyed into caches is the released one.
const pkg = createRequire(import.meta.url)("../package.json") as { version: string };

/** paraplan's version. */
export const VERSION = pkg.version;

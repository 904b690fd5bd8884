/* global process */
// Preloaded into each benchmarked process: writes its peak resident memory (KiB) where the benchmark asks.
import { writeFileSync } from "node:fs";
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});

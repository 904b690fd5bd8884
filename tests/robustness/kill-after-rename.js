// Preloaded with NODE_OPTIONS=--import by a test: kills the process (SIGKILL, nothing runs after it) right after the
// first rename that puts a `.md` file in place, as a power cut or `kill -9` between two renames would.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import process from "node:process";

const isRecord = (to) => String(to).endsWith(".md");
const renameCallback = fs.rename;
fs.rename = function (from, to, callback) {
  return renameCallback.call(this, from, to, (error) => {
    if (!error && isRecord(to)) process.kill(process.pid, "SIGKILL");
    callback(error);
  });
};
const renamePromise = fs.promises.rename;
fs.promises.rename = async function (from, to) {
  await renamePromise.call(this, from, to);
  if (isRecord(to)) process.kill(process.pid, "SIGKILL");
};
const renameSync = fs.renameSync;
fs.renameSync = function (from, to) {
  renameSync.call(this, from, to);
  if (isRecord(to)) process.kill(process.pid, "SIGKILL");
};
syncBuiltinESMExports();

// Preloaded with NODE_OPTIONS=--import by an end-to-end test: appends a line to the file PARAPLAN_TOUCH just before
// paraplan opens it to check that it is unchanged, as an editor saving at the wrong moment would.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import process from "node:process";

const target = process.env.PARAPLAN_TOUCH;
const open = fs.promises.open;
let touched = false;
fs.promises.open = function (file, flags, ...rest) {
  if (!touched && target && path.resolve(String(file)) === path.resolve(target) && (flags === undefined || flags === "r")) {
    touched = true;
    fs.appendFileSync(target, "\n<!-- saved meanwhile -->\n");
  }
  return open.call(this, file, flags, ...rest);
};
syncBuiltinESMExports();

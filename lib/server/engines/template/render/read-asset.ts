/**
 * The site's stylesheets and script are plain files in `assets/`, so they are edited and linted as
 * CSS and JavaScript. Read once when the engine loads (the engine runs under tsx or Jest, never
 * bundled, so `__dirname` is this folder).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";

export function readAsset(file: string): string {
  return readFileSync(join(__dirname, "assets", file), "utf8");
}

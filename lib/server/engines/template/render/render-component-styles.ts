/**
 * Shared components (header behaviour, buttons, cards, lists, forms) and the wide-screen layout.
 * Grids use minmax(min(100%, …), 1fr) so no column can be wider than a 375 px viewport.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";

// Plain CSS files, so the stylesheet is edited and linted as CSS; read once when the engine loads.
const readAsset = (file: string) => readFileSync(join(__dirname, "assets", file), "utf8");
const COMPONENTS = readAsset("components.css");
const RESPONSIVE = readAsset("responsive.css");

export function renderComponentStyles(): string {
  return COMPONENTS;
}

export function renderResponsiveStyles(): string {
  return RESPONSIVE;
}

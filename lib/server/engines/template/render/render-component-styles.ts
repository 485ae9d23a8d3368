/**
 * Shared components (header behaviour, buttons, cards, lists, forms) and the wide-screen layout.
 * Grids use minmax(min(100%, …), 1fr) so no column can be wider than a 375 px viewport.
 */

import { readAsset } from "./read-asset";

const COMPONENTS = readAsset("components.css");
const RESPONSIVE = readAsset("responsive.css");

export function renderComponentStyles(): string {
  return COMPONENTS;
}

export function renderResponsiveStyles(): string {
  return RESPONSIVE;
}

/**
 * The page script. It is static (no prompt text is ever interpolated into it) and does only local
 * things: the mobile menu, in-page scrolling that also moves focus, form feedback without any
 * network request, a little "add to bag" feedback and the footer year.
 */

import { readAsset } from "./read-asset";

export const SCRIPT_MARKER = "openv0:template-script";

// assets/site-script.js starts with SCRIPT_MARKER, which edits look for to know the script is there.
export const SITE_SCRIPT = readAsset("site-script.js");
if (!SITE_SCRIPT.includes(SCRIPT_MARKER)) throw new Error("assets/site-script.js lost its marker");

import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT } from "./server-process";

export const SCREENSHOT_DIR = path.join(ROOT, "test-results", "screenshots");

/*
 * Chromium 150 puts a sandboxed frame without allow-same-origin (our preview) in its own process,
 * and a CDP touch tap into such a frame delivers touchstart but never the click a real finger
 * gives (checked with a bare two-iframe page: sandboxed 0 clicks, plain 1). The phone tests tap
 * the preview to select, so they keep such frames in the page's process; sandbox, opaque origin
 * and CSP are the same either way.
 */
const TOUCH_IN_FRAME_FLAGS = ["--disable-features=IsolateSandboxedIframes"];

/** Launches the system's headless Chromium (no browser download: playwright-core only drives it). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", ...TOUCH_IN_FRAME_FLAGS],
  });
}

/**
 * Saves a full-page screenshot under test-results/screenshots/<name>.png. The page is scrolled to
 * the top first: a full-page capture of a scrolled page draws sticky layers (the phone's Chat /
 * Preview switch, a site's sticky header inside the frame) at the wrong place or not at all.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

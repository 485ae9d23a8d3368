/**
 * What a reader sees on a rendered page, collected in real headless Chromium: headings, header
 * navigation, forms (by their visible text), the h1's typeface, the page background and the
 * dominant hue of the screenshot's coloured pixels. Also the quality guards: horizontal scroll at
 * 375 px, a working mobile menu and serious axe-core violations.
 */

import axe from "axe-core";
import type { Page } from "playwright-core";

export interface PageFacts {
  h1: string;
  brand: string;
  headings: string[];
  navLinks: string[];
  forms: string[];
  text: string;
  h1Font: string;
  background: [number, number, number];
  /** Dominant hue (0..360) of saturated pixels, or null when the page is grey. */
  hue: number | null;
  /** The document's lang attribute. */
  lang: string;
  /** Visible text of the hero (the section holding the h1). */
  hero: string;
  /** Each form's choices and whether it asks for a required agreement. */
  formDetails: Array<{ options: string[]; requiredCheckbox: boolean }>;
  /** Names listed outside forms (list items' first line, card headings): what the page sells. */
  listedItems: string[];
}

export interface QualityFacts {
  overflowAt375: boolean;
  mobileMenuWorks: boolean;
  seriousAxe: string[];
}

const AXE_SOURCE = axe.source;

export async function collectPageFacts(page: Page): Promise<PageFacts> {
  const facts = await page.evaluate(() => {
    const text = (el: Element | null) => (el instanceof HTMLElement ? el.innerText : (el?.textContent ?? "")).replace(/\s+/g, " ").trim();
    const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)?.map(Number) ?? [255, 255, 255];
    const forms = [...document.querySelectorAll("form")].filter((f) => f.querySelector("input, select, textarea") && f.querySelector("button, [type=submit]"));
    return {
      h1: text(document.querySelector("h1")),
      brand: text(document.querySelector("header")),
      headings: [...document.querySelectorAll("main h2")].map(text),
      navLinks: [...document.querySelectorAll("header nav a")].map((a) => a.textContent?.replace(/\s+/g, " ").trim() ?? ""),
      forms: forms.map((f) => `${text(f.closest("section")?.querySelector("h2") ?? null)} ${text(f)} ${[...f.querySelectorAll("label, button, option")].map((n) => n.textContent ?? "").join(" ")}`),
      text: document.body.innerText.replace(/\s+/g, " "),
      h1Font: getComputedStyle(document.querySelector("h1") ?? document.body).fontFamily,
      background: [rgb[0] ?? 255, rgb[1] ?? 255, rgb[2] ?? 255] as [number, number, number],
      lang: document.documentElement.lang,
      hero: text(document.querySelector("h1")?.closest("section") ?? null),
      formDetails: forms.map((f) => ({
        options: [...f.querySelectorAll("option")].map((o) => (o.textContent ?? "").trim()),
        requiredCheckbox: f.querySelector("input[type=checkbox][required]") !== null,
      })),
      listedItems: [...document.querySelectorAll("main li")]
        .filter((li) => !li.closest("form"))
        .flatMap((li) => [...li.querySelectorAll("h3, span, strong")].map((n) => (n.textContent ?? "").trim()))
        .filter((t) => t.length > 1 && t.length < 80),
    };
  });
  return { ...facts, hue: await measureDominantHue(page) };
}

/** Histogram of hue over pixels with visible colour (chroma ≥ 24 of 255), weighted by chroma. */
async function measureDominantHue(page: Page): Promise<number | null> {
  const png = (await page.screenshot({ fullPage: true, type: "png" })).toString("base64");
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    const scale = Math.min(1, 400 / img.width);
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const bins = new Array<number>(36).fill(0);
    for (let i = 0; i < pixels.length; i += 4) {
      const r = pixels[i] ?? 0, g = pixels[i + 1] ?? 0, b = pixels[i + 2] ?? 0;
      const max = Math.max(r, g, b), min = Math.min(r, g, b), chroma = max - min;
      if (chroma < 24) continue;
      let h = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
      h = (h * 60 + 360) % 360;
      const bin = Math.floor(h / 10) % 36;
      bins[bin] = (bins[bin] ?? 0) + chroma;
    }
    const smooth = bins.map((_, i) => (bins[(i + 35) % 36] ?? 0) + 2 * (bins[i] ?? 0) + (bins[(i + 1) % 36] ?? 0));
    const best = smooth.indexOf(Math.max(...smooth));
    return (smooth[best] ?? 0) > 0 ? best * 10 + 5 : null;
  }, png);
}

export async function collectQualityFacts(page: Page): Promise<QualityFacts> {
  await page.setViewportSize({ width: 375, height: 800 });
  const overflowAt375 = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const toggle = page.locator(".nav-toggle");
  let mobileMenuWorks = false;
  if ((await toggle.count()) > 0 && (await toggle.isVisible())) {
    await toggle.click();
    mobileMenuWorks = (await toggle.getAttribute("aria-expanded")) === "true" && (await page.locator("header nav a").first().isVisible());
    await toggle.click();
  }
  await page.addScriptTag({ content: AXE_SOURCE });
  const seriousAxe = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact?: string | null }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  return { overflowAt375, mobileMenuWorks, seriousAxe };
}

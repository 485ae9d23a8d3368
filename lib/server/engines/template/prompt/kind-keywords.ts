/**
 * Vocabulary for reading prompts: which words point to which kind of site, which words ask for a
 * section, and which set the tone. Weights let specific phrases ("coffee shop") beat generic words
 * ("shop"). A few non-English words and emoji are included so short or foreign prompts still land.
 */

import type { SectionId, SiteKind, Tone } from "../site-spec";

type Weighted = ReadonlyArray<readonly [term: string, weight: number]>;

export const KIND_KEYWORDS: Record<Exclude<SiteKind, "landing">, Weighted> = {
  bakery: [
    ["bakery", 3], ["bake shop", 4], ["bakeshop", 3], ["bakehouse", 3], ["patisserie", 3], ["pâtisserie", 3],
    ["boulangerie", 3], ["bäckerei", 3], ["panadería", 3], ["panaderia", 3], ["baker", 2], ["bread", 1.5],
    ["sourdough", 2], ["pastry", 1.5], ["pastries", 1.5], ["croissant", 2], ["cake", 1], ["cupcake", 2],
    ["donut", 1.5], ["doughnut", 1.5], ["bagel", 1.5], ["🥐", 2], ["🍞", 2], ["🧁", 2], ["🎂", 1.5], ["🥖", 2], ["🍰", 2], ["🍩", 1.5],
  ],
  cafe: [
    ["cafe", 3], ["café", 3], ["coffee shop", 4], ["coffeehouse", 3], ["coffee house", 3], ["coffee", 2],
    ["espresso", 2], ["barista", 2], ["roastery", 3], ["tea room", 3], ["tearoom", 3], ["latte", 1.5], ["☕", 3], ["🫖", 2],
  ],
  restaurant: [
    ["restaurant", 3], ["restaurante", 3], ["ristorante", 3], ["bistro", 3], ["trattoria", 3], ["pizzeria", 3],
    ["diner", 2.5], ["eatery", 3], ["brasserie", 3], ["taqueria", 3], ["food truck", 3], ["steakhouse", 3],
    ["wine bar", 3], ["sushi", 2], ["pizza", 2], ["ramen", 2], ["tapas", 2], ["cuisine", 2], ["chef", 1.5],
    ["dining", 2], ["brunch", 1], ["bar", 1.5], ["burger", 1.5], ["🍕", 2], ["🍝", 2], ["🍣", 2], ["🍜", 2], ["🍔", 2], ["🌮", 2], ["🍽", 2],
  ],
  photography: [
    ["photography", 3], ["photographer", 3], ["fotografía", 3], ["fotografia", 3], ["fotografie", 3],
    ["photo studio", 4], ["photoshoot", 2], ["photo shoot", 2], ["portrait", 1], ["camera", 1.5], ["📷", 3], ["📸", 3],
  ],
  portfolio: [
    ["portfolio", 3], ["resume", 3], ["résumé", 3], ["cv", 2.5], ["personal website", 3], ["personal site", 3],
    ["personal page", 3], ["freelancer", 2], ["freelance", 2], ["designer", 1.5], ["developer", 1.5],
    ["illustrator", 2], ["artist", 1.5], ["architect", 1.5], ["my work", 2], ["🎨", 2], ["👩‍💻", 2], ["👨‍💻", 2],
  ],
  agency: [
    ["agency", 3], ["consultancy", 3], ["consulting", 2], ["creative studio", 3], ["design studio", 3],
    ["marketing", 1.5], ["branding", 1.5], ["firm", 1.5], ["studio", 1],
  ],
  saas: [
    ["saas", 4], ["software", 2.5], ["app", 2], ["platform", 2], ["startup", 2], ["start-up", 2], ["b2b", 2],
    ["dashboard", 2], ["api", 2], ["tool", 1.5], ["crm", 3], ["analytics", 2], ["ai", 1.5], ["productivity", 2],
    ["project management", 2.5], ["automation", 1.5], ["💻", 2], ["🚀", 2], ["📈", 2], ["🤖", 2],
  ],
  shop: [
    ["online store", 4], ["online shop", 4], ["ecommerce", 4], ["e-commerce", 4], ["shop", 2], ["store", 2],
    ["boutique", 2.5], ["tienda", 3], ["merch", 2], ["sell", 1.5], ["selling", 1.5], ["jewelry", 2.5],
    ["jewellery", 2.5], ["clothing", 2.5], ["fashion", 2], ["candle", 2], ["handmade", 1.5], ["skincare", 2.5],
    ["cosmetics", 2], ["🛍", 3], ["🛒", 3], ["👗", 2], ["💍", 1.5],
  ],
  blog: [
    ["blog", 3], ["blogger", 3], ["journal", 2], ["magazine", 2.5], ["articles", 1.5], ["essays", 2],
    ["writing", 1.5], ["recipes", 1.5], ["podcast", 2.5], ["vlog", 2], ["✍", 2], ["📝", 2], ["📚", 2],
  ],
  event: [
    ["event", 2.5], ["conference", 3], ["summit", 3], ["festival", 3], ["meetup", 3], ["meet-up", 3],
    ["wedding", 3], ["concert", 3], ["hackathon", 3], ["workshop", 1.5], ["gala", 3], ["party", 2],
    ["birthday", 2], ["tickets", 2], ["webinar", 2.5], ["expo", 3], ["🎉", 3], ["🎤", 2], ["🎟", 3], ["🎪", 2], ["🎊", 3], ["🥳", 3],
  ],
  fitness: [
    ["fitness", 3], ["gym", 3], ["yoga", 3], ["pilates", 3], ["crossfit", 3], ["personal trainer", 4],
    ["trainer", 2], ["workout", 2], ["boxing", 2], ["martial arts", 3], ["dance studio", 3], ["wellness", 2],
    ["gimnasio", 3], ["💪", 3], ["🏋", 3], ["🧘", 3], ["🏃", 2], ["🥊", 2],
  ],
};

export const SECTION_KEYWORDS: Record<SectionId, readonly string[]> = {
  about: ["about section", "about us", "about me", "about page", "our story", "my story", "story", "mission", "history", "bio"],
  features: ["features", "feature list", "feature grid", "benefits"],
  services: ["services", "service list", "offerings", "what we do", "packages"],
  menu: ["menu", "menus", "dishes", "price list", "drinks list"],
  products: ["products", "product grid", "product list", "catalog", "catalogue", "collection", "merch"],
  projects: ["projects", "case studies", "case study", "my work", "our work", "selected work", "portfolio section", "work samples"],
  gallery: ["gallery", "photos", "photo grid", "pictures", "images", "lookbook", "instagram"],
  schedule: ["schedule", "agenda", "programme", "program", "timetable", "lineup", "line-up", "class times", "itinerary"],
  stats: ["stats", "statistics", "numbers", "metrics", "key figures", "counters"],
  team: ["team", "staff", "our people", "founders", "speakers", "coaches", "instructors", "chefs", "crew"],
  testimonials: ["testimonials", "testimonial", "reviews", "review", "what customers say", "feedback", "social proof", "quotes"],
  pricing: ["pricing", "prices", "price", "plans", "tiers", "subscription", "subscriptions", "membership", "memberships", "tickets"],
  posts: ["blog posts", "blog section", "posts", "articles", "news", "latest posts"],
  faq: ["faq", "faqs", "questions", "q&a", "q & a"],
  newsletter: ["newsletter", "subscribe", "signup", "sign-up", "sign up", "mailing list", "email list"],
  contact: [
    "contact", "contact form", "get in touch", "form", "enquiry", "inquiry", "booking", "bookings",
    "reservation", "reservations", "book a table", "email us", "location", "opening hours", "hours", "map",
  ],
};

export const TONE_KEYWORDS: Record<Tone, readonly string[]> = {
  calm: ["calm", "minimal", "minimalist", "clean", "simple", "serene", "quiet", "zen", "soft", "airy"],
  playful: ["playful", "fun", "colorful", "colourful", "vibrant", "whimsical", "cute", "quirky", "kids", "cheerful"],
  elegant: ["elegant", "luxury", "luxurious", "premium", "sophisticated", "classy", "refined", "upscale", "high-end", "timeless", "editorial"],
  bold: ["bold", "modern", "futuristic", "techy", "edgy", "striking", "brutalist", "neon", "dynamic", "energetic"],
};

/** Words that ask for a dark look as a whole (not "dark green"). */
export const DARK_PATTERN =
  /\b(dark|night|black)[\s-]*(mode|theme|themed|background|look|design|ui|palette|style|site|website)\b|\bmoody\b|\bneon\b|\bdark\s*(?:and|&)\s*\w+\s*(?:theme|design|look)\b/i;
export const LIGHT_PATTERN = /\b(light|bright|white)[\s-]*(mode|theme|themed|background|look|design)\b/i;

const termPatterns = new Map<string, RegExp>();

/** Builds (once) a matcher that respects word edges in any script, with optional plural endings. */
export function buildTermPattern(term: string, flags = "giu"): RegExp {
  const key = `${flags}|${term}`;
  let pattern = termPatterns.get(key);
  if (!pattern) {
    pattern = compileTermPattern(term, flags);
    termPatterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function compileTermPattern(term: string, flags: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]+");
  const isWord = /^[\p{L}\p{N}]/u.test(term);
  if (!isWord) return new RegExp(escaped, flags);
  const plural = /[\p{L}]$/u.test(term) ? "(?:s|es)?" : "";
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${plural}(?![\\p{L}\\p{N}])`, flags);
}

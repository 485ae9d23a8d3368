/**
 * The template engine's understanding of a prompt. Everything the renderers need is decided here
 * once, so every step of a generation renders from the same, deterministic description.
 */

import type { Palette } from "./palette/build-palette";
import type { FormKind } from "./content/form-kinds";
import type { PageLanguage } from "./locale/read-language";
import type { HoursRow } from "./prompt/read-hours";
import type { StatedPrice } from "./prompt/read-prices";

export const SITE_KINDS = ["bakery", "cafe", "restaurant", "photography", "portfolio", "agency", "saas", "shop", "blog", "event", "fitness", "landing"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
/** Kinds that cook or bake: they have a menu of their own and reserve tables. */
export const KITCHEN_KINDS: ReadonlySet<SiteKind> = new Set(["restaurant", "cafe", "bakery"]);
/** Kinds that are no place of business (software, a blog, an event, a portfolio, an agency). */
export const PLACELESS_KINDS: readonly SiteKind[] = ["saas", "blog", "event", "portfolio", "agency"];

/** Content sections in the order they appear on a page (the hero is always first, outside this list). */
export const SECTION_ORDER = ["about", "features", "services", "menu", "products", "projects", "gallery", "schedule", "stats", "team", "testimonials", "pricing", "posts", "faq", "newsletter", "contact"] as const;
export type SectionId = (typeof SECTION_ORDER)[number];

/** How a block is laid out: one of the built-in sections, generic cards, opening hours or a form. */
export type BlockLayout = SectionId | "cards" | "hours" | "form";

/** One section of the page as planned: its anchor id, the heading the user asked for, its layout. */
export interface PageBlock {
  id: string;
  heading: string;
  nav: string;
  layout: BlockLayout;
  /** For form blocks: what the form is for. */
  form: FormKind | null;
  /** True when the prompt asked for this block (shown in the summary and never dropped). */
  requested: boolean;
  /** For form blocks: the fields the prompt asked it to have ("move date", "number of rooms"). */
  fields?: string[];
}

/** What the prompt states outright: the page shows it as written, never stock hours or made-up prices. */
export interface StatedFacts {
  hours: HoursRow[];
  prices: StatedPrice[];
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The hero's line, when the prompt gives one ("tagline: …"). */
  tagline: string | null;
}

export type Tone = "calm" | "playful" | "elegant" | "bold";
export type FontStyle = "serif" | "sans" | "mono";

export interface SiteSpec {
  kind: SiteKind;
  /** Human label of the kind, e.g. "Bakery". */
  kindLabel: string;
  /** Site or brand name, plain text (escape when rendering). */
  name: string;
  /** True when the name came from the prompt rather than a default. */
  nameFromPrompt: boolean;
  /** Built-in section layouts on the page, in page order (derived from `blocks`). */
  sections: SectionId[];
  /** Every section of the page in order, with its heading and layout. */
  blocks: PageBlock[];
  /** Forms the page offers, in page order. */
  forms: FormKind[];
  /** Known domain id (see content/domain-lexicon), or null. */
  domainId: string | null;
  /** What the site is about in words: "surf school", "software for surf schools", "dental clinic". */
  topic: string | null;
  /** For software: "schedules surf lessons". */
  purpose: string | null;
  /** For software: who it is for ("builders"). */
  audience: string | null;
  /** A date the prompt gave ("12–15 June"), shown in the hero. */
  date: string | null;
  /** People the prompt named ("chef Marta Silva"), featured in the team. */
  people: string[];
  /** Sections the prompt asked for explicitly. */
  requested: SectionId[];
  palette: Palette;
  /** Colour words honoured, e.g. ["green"], for messages. */
  colorWords: string[];
  tone: Tone;
  headingFont: FontStyle;
  /** "in Berlin" → "Berlin"; used in copy and the contact block. */
  location: string | null;
  /** "specialising in vegan cupcakes" → "vegan cupcakes"; used in the hero copy. */
  focus: string | null;
  /** The services the prompt lists ("tyre changes, MOT and servicing"): the Services section's items. */
  offers?: string[];
  /** Currency symbol for prices. */
  currency: string;
  /** ISO 4217 code and BCP 47 locale prices are formatted with ("JPY", "en-JP"). */
  currencyCode: string;
  locale: string;
  /** The page's language, and a prompt language the engine does not write (then the page is English). */
  lang: PageLanguage;
  langOther: string | null;
  /** The kind of business from the OSM presets ("amenity/dentist"), its name in the page's language and cuisine. */
  business: { id: string; label: string; cuisine: string | null } | null;
  /** A cuisine the prompt names when no preset does ("sushi counter"): its dishes make the menu. */
  cuisine?: string | null;
  /** Hours, prices and contact details the prompt states. */
  facts?: StatedFacts;
  /** Seed for deterministic variations (derived from the prompt). */
  seed: string;
  /** The project's uploaded images: the logo for the header, photos for the hero, gallery and cards. */
  images?: ReadonlyArray<{ name: string; alt: string; role: "logo" | "image" }>;
}

/** Built-in layouts of the blocks, in order (the section list older code reads). */
export function layoutsOf(blocks: readonly PageBlock[]): SectionId[] {
  return [...new Set(blocks.map((block) => block.layout).filter(isSectionId))];
}

/** Orders a set of sections the way they are laid out on the page. */
export function orderSections(sections: Iterable<SectionId>): SectionId[] {
  const wanted = new Set(sections);
  return SECTION_ORDER.filter((id) => wanted.has(id));
}

/**
 * Keeps a kind's own order for its default sections (a shop leads with products) and slots each
 * extra section in before the first default that comes after it in the canonical order.
 */
export function mergeSectionOrder(defaults: readonly SectionId[], extras: Iterable<SectionId>): SectionId[] {
  const result = [...new Set(defaults)];
  for (const extra of orderSections(extras).filter((id) => !result.includes(id))) {
    const rank = SECTION_ORDER.indexOf(extra);
    const at = result.findIndex((id) => SECTION_ORDER.indexOf(id) > rank);
    result.splice(at < 0 ? result.length : at, 0, extra);
  }
  return result;
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_ORDER as readonly string[]).includes(value);
}

export function isSiteKind(value: string): value is SiteKind {
  return (SITE_KINDS as readonly string[]).includes(value);
}

/** Human wording of a section id for messages ("faq" → "FAQ"). */
export function sectionLabel(id: SectionId): string {
  return id === "faq" ? "FAQ" : id === "posts" ? "blog posts" : id === "stats" ? "key numbers" : id;
}

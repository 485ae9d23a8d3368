/**
 * The shape of the copy a kind of site is written with. Each kind overrides what makes it itself
 * (a bakery's menu, a SaaS's plans) and inherits sensible generic copy for everything else, so any
 * section can be rendered for any kind.
 */

import type icons from "../data/icons.json";
import type { FontStyle, SectionId } from "../site-spec";
import { overlay } from "../locale/locales";

export type IconName = keyof typeof icons.paths;

export interface CardItem {
  title: string;
  text: string;
  icon: IconName;
}
export interface PricedItem {
  name: string;
  text: string;
  /** Null when the engine cannot know it (the user's own goods): the page says "Price on request". */
  price: number | null;
  /** A price the prompt stated: in the page's currency as written, "from" it, per a unit. */
  exact?: boolean;
  from?: boolean;
  per?: string | null;
}
export interface Plan extends Pick<PricedItem, "name" | "text" | "exact" | "from"> {
  price: number;
  period: string;
  features: string[];
  featured?: boolean;
}
export interface SectionCopy {
  /** Short label above the heading and in the navigation. */
  nav: string;
  title: string;
  lead: string;
}

/** Copy strings may contain {name} and {location}; they are filled in (and escaped) when rendering. */
export interface KindContent {
  label: string;
  accent: string;
  lightTint: string | null;
  headingFont: FontStyle;
  defaultSections: SectionId[];
  eyebrow: string;
  tagline: string;
  lead: string;
  primaryCta: string;
  /** Where the primary button goes: the first of these sections the page has. */
  primaryTarget: SectionId[];
  secondaryCta: string;
  secondaryTarget: SectionId[];
  heroAlt: string;
  titles: Record<SectionId, SectionCopy>;
  about: { paragraphs: string[]; highlights: string[] };
  features: CardItem[];
  services: CardItem[];
  /** What a booking or order form may offer when the prompt lists nothing ("Pest control"), never the neutral "Advice". */
  choices?: string[];
  menu: { title: string; items: PricedItem[] }[];
  products: PricedItem[];
  projects: { title: string; text: string; tags: string[] }[];
  gallery: string[];
  schedule: { time: string; title: string; text: string }[];
  stats: { value: string; label: string }[];
  team: { name: string; role: string; bio: string }[];
  testimonials: { quote: string; author: string; role: string }[];
  pricing: Plan[];
  posts: { title: string; excerpt: string; date: string; iso: string; tag: string; minutes: number }[];
  faq: { q: string; a: string }[];
  contact: {
    topicLabel: string;
    topics: string[];
    hours: string[];
    address: string;
    submit: string;
    /** The e-mail and phone the prompt gives (else a placeholder e-mail and no phone). */
    email?: string;
    phone?: string;
  };
}

export type KindOverrides = Partial<Omit<KindContent, "titles" | "contact">> & {
  titles?: Partial<Record<SectionId, Partial<SectionCopy>>>;
  contact?: Partial<KindContent["contact"]>;
};

/** Layers a kind's overrides onto the generic copy (titles and contact merge per field). */
export function mergeContent(base: KindContent, overrides: KindOverrides): KindContent {
  const titles = overlay(base.titles, overrides.titles);
  // A kind that lists its offer as features (a gym's classes) shows the same offer as services.
  const services = overrides.services ?? overrides.features ?? base.services;
  return { ...base, ...overrides, services, titles, contact: { ...base.contact, ...overrides.contact } };
}

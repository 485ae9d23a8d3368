/** Resolves the full copy for a kind: generic defaults with the kind's own copy (data files) on top. */

import agency from "../data/content/agency.json";
import bakery from "../data/content/bakery.json";
import blog from "../data/content/blog.json";
import cafe from "../data/content/cafe.json";
import event from "../data/content/event.json";
import fitness from "../data/content/fitness.json";
import landing from "../data/content/landing.json";
import photography from "../data/content/photography.json";
import portfolio from "../data/content/portfolio.json";
import restaurant from "../data/content/restaurant.json";
import saas from "../data/content/saas.json";
import shop from "../data/content/shop.json";
import { mergeContent, type KindContent, type KindOverrides } from "./kind-content";
import { SITE_KINDS, type SiteKind } from "../site-spec";

// The copy is our own committed data (not input): its shape is the KindContent contract.
const DEFAULT_CONTENT = landing as KindContent;
const OVERRIDES: Record<SiteKind, KindOverrides> = {
  bakery, cafe, restaurant, photography, portfolio, agency, saas, shop, blog, event, fitness, landing: {},
} as Record<SiteKind, KindOverrides>;

const CONTENT = Object.fromEntries(SITE_KINDS.map((kind) => [kind, mergeContent(DEFAULT_CONTENT, OVERRIDES[kind])])) as Record<SiteKind, KindContent>;

/** The merged copy for a kind (merged once: the data is static). */
export function getKindContent(kind: SiteKind): KindContent {
  return CONTENT[kind];
}

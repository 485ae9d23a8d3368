/** Resolves the full copy for a kind: generic defaults with the kind's own copy layered on top. */

import { AGENCY_CONTENT, BLOG_CONTENT, PHOTOGRAPHY_CONTENT, PORTFOLIO_CONTENT } from "./content-creative";
import { SAAS_CONTENT, SHOP_CONTENT } from "./content-business";
import { DEFAULT_CONTENT } from "./content-defaults";
import { BAKERY_CONTENT, CAFE_CONTENT, RESTAURANT_CONTENT } from "./content-food";
import { EVENT_CONTENT, FITNESS_CONTENT } from "./content-lifestyle";
import { mergeContent, type KindContent, type KindOverrides } from "./kind-content";
import type { SiteKind } from "../site-spec";

const OVERRIDES: Record<SiteKind, KindOverrides> = {
  bakery: BAKERY_CONTENT,
  cafe: CAFE_CONTENT,
  restaurant: RESTAURANT_CONTENT,
  photography: PHOTOGRAPHY_CONTENT,
  portfolio: PORTFOLIO_CONTENT,
  agency: AGENCY_CONTENT,
  saas: SAAS_CONTENT,
  shop: SHOP_CONTENT,
  blog: BLOG_CONTENT,
  event: EVENT_CONTENT,
  fitness: FITNESS_CONTENT,
  landing: {},
};

const cache = new Map<SiteKind, KindContent>();

/** The merged copy for a kind (cached: the data is static). */
export function getKindContent(kind: SiteKind): KindContent {
  let content = cache.get(kind);
  if (!content) {
    content = mergeContent(DEFAULT_CONTENT, OVERRIDES[kind]);
    cache.set(kind, content);
  }
  return content;
}


/**
 * Maps a section name as the user wrote it ("lessons", "our dentists", "price list") to the kind
 * of section that presents it best. The heading stays the user's own words; only the layout and
 * the kind of content come from here. Unknown names get the generic "cards" layout.
 */

import type { BlockLayout } from "../site-spec";

/** Checked in order; the first pattern that matches a phrase decides its layout. */
const LAYOUT_PATTERNS: ReadonlyArray<readonly [Exclude<BlockLayout, "form">, RegExp]> = [
  ["hours", /\b(opening\s+(?:hours|times)|hours|opening)\b/i],
  ["faq", /\b(faqs?|questions|q\s*&\s*a|q&a)\b/i],
  ["pricing", /\b(pric(?:e|es|ing)|rates?|plans?|fees?|tariffs?|memberships?|tickets?|costs?)\b/i],
  ["testimonials", /\b(reviews?|testimonials?|what\s+(?:\w+\s+)?say|feedback|kind\s+words|praise)\b/i],
  ["team", /\b(team|staff|people|crew|founders?|dentists?|doctors?|vets?|teachers?|tutors?|instructors?|coaches|trainers?|artists?|chefs?|speakers?|barbers?|stylists?|therapists?|guides?|lawyers?|architects?|who\s+we\s+are|meet\s+\w+)\b/i],
  ["gallery", /\b(gallery|galleries|photos?|pictures?|images|lookbook|before\s+(?:and|&)\s+after|instagram|portfolio)\b/i],
  ["schedule", /\b(schedule|timetable|agenda|programme|program|itinerary|line[\s-]?up|calendar|events?|dates|class\s+times|recitals?|tour\s+dates)\b/i],
  ["menu", /\b(menus?|dishes|drinks|wine\s+list|cocktails|food)\b/i],
  ["posts", /\b(blog|news|articles?|journal|posts?|stories|episodes?|updates)\b/i],
  ["projects", /\b(projects?|case\s+stud(?:y|ies)|work|clients?)\b/i],
  ["stats", /\b(impact|numbers|stats|statistics|results|figures|in\s+numbers)\b/i],
  ["about", /\b(about|story|mission|vision|values|bio|history|philosophy|approach)\b/i],
  ["products", /\b(shop|store|products?|collections?|catalogu?e|merch|new\s+arrivals|bestsellers|range)\b/i],
  ["newsletter", /\b(newsletter|mailing\s+list)\b/i],
  ["contact", /\b(contact|location|find\s+us|visit(?:\s+us)?|directions|map|get\s+in\s+touch)\b/i],
  ["features", /\b(features?|benefits|why\s+(?:us|choose)|how\s+it\s+works|integrations?)\b/i],
  ["services", /\b(services?|treatments?|lessons?|classes|class|courses?|packages?|offerings?|what\s+we\s+do|programs|workshops?|sessions?|therapies|repairs?|rooms?|tours?|levels?|menu\s+of\s+services)\b/i],
];

export function layoutForPhrase(phrase: string): Exclude<BlockLayout, "form"> {
  return LAYOUT_PATTERNS.find(([, pattern]) => pattern.test(phrase))?.[0] ?? "cards";
}

/** Words that turn a list item into a style ask rather than a section ("clean and minimal"). */
export const STYLE_ITEM =
  /\b(colou?rs?|accents?|palette|theme|themed|font|fonts|typography|serif|sans|mono(?:space)?|look|feel|vibe|style|tone|mood|minimal(?:ist)?|clean|modern|bold|playful|elegant|dark|light|bright|calm|friendly|warm|cool|simple|fun|luxur\w*|premium|responsive|mobile|seo|animations?|background|gradient|rounded|corners?)\b/i;

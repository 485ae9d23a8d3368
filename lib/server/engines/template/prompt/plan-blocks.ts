/**
 * Turns what the prompt asked for into the page's blocks. A prompt that enumerates its sections
 * gets exactly those, in that order, under those headings (plus a way to get in touch); otherwise
 * the kind's usual sections are kept and every asked-for section and form is slotted in.
 */

import { slugify } from "../render/html-escape";
import { SECTION_ORDER, isSectionId, type BlockLayout, type PageBlock, type SectionId } from "../site-spec";
import type { FormKind } from "../content/form-kinds";
import type { SectionList } from "./read-section-list";
import words from "../data/section-words.json";
import { layoutForPhrase } from "./section-vocabulary";
import { isPriceListHeading, type StatedPrice } from "./read-prices";

const RESERVED_IDS = new Set(["main", "top", "site-nav", "hero-title", "hero"]);

export interface BlockPlanInput {
  list: SectionList;
  /** The kind's usual sections (after exclusions) merged with built-in sections the prompt named. */
  sections: SectionId[];
  /** Forms implied anywhere in the prompt (never contact: that is the page's contact block). */
  forms: FormKind[];
  /** Whether the kind has a programme of its own (an event, a gym's classes) by default. */
  scheduled?: boolean;
  /** Default heading and nav label of a built-in section for this kind. */
  titleOf: (id: SectionId) => { title: string; nav: string };
  /** A form's heading in the page's language ("Inscripción", not "Registration"). */
  formHeading: (kind: FormKind) => string;
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let base = slugify(wanted, "section").replace(/[^a-z0-9-]/g, "") || "section";
  if (RESERVED_IDS.has(base)) base = `${base}-section`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** "Events" for a florist is something it offers; only a business with a programme lays it out as one. */
const OFFERED = new RegExp(`^(?:${words.servicesUnlessScheduled})$`, "iu");

function requestedBlock(heading: string, form: FormKind | null, taken: Set<string>, scheduled = true): PageBlock {
  const phrase = layoutForPhrase(heading);
  const listed = phrase === "schedule" && !scheduled && OFFERED.test(heading.trim()) ? "cards" : phrase;
  const layout: BlockLayout = form && form !== "contact" ? "form" : form === "contact" ? "contact" : listed;
  return { id: uniqueId(heading, taken), heading, nav: heading, layout, form, requested: true };
}

function defaultBlock(id: SectionId, input: BlockPlanInput, taken: Set<string>): PageBlock {
  const { title, nav } = input.titleOf(id);
  taken.add(id);
  return { id, heading: title, nav, layout: id, form: id === "contact" ? "contact" : null, requested: false };
}

/** Inserts before the contact block (the page's natural end), else at the end. */
function insertBeforeContact(blocks: PageBlock[], block: PageBlock): void {
  const at = blocks.findIndex((b) => b.layout === "contact");
  blocks.splice(at < 0 ? blocks.length : at, 0, block);
}

/**
 * Stated prices are always shown, whatever the prompt listed: in a kitchen's menu, with the services
 * they price, in the section the prompt named for them ("packages from £1,200"), else in a price
 * list added before the contact block.
 */
export function placePrices(blocks: readonly PageBlock[], input: { prices: readonly StatedPrice[]; offers: readonly string[]; kitchen: boolean; titleOf: BlockPlanInput["titleOf"] }): PageBlock[] {
  const inOffers = input.prices.every((p) => p.item && input.offers.some((o) => o.toLowerCase() === p.item?.toLowerCase()));
  if (!input.prices.length) return [...blocks];
  // Services that show their prices need no price list repeating them, unless the prompt asked for one.
  if (inOffers && blocks.some((b) => b.layout === "services")) return blocks.filter((b) => b.layout !== "pricing" || b.requested);
  if (blocks.some((b) => b.layout === "pricing" || (b.layout === "menu" && input.kitchen))) return [...blocks];
  const named = blocks.findIndex((b) => b.requested && b.layout !== "form" && isPriceListHeading(b.heading));
  if (named >= 0) return blocks.map((b, i) => (i === named ? { ...b, layout: "pricing" } : b));
  return withBlock(blocks, "pricing", input.titleOf);
}

/** The blocks with a built-in section added where the page's order puts it (before any form), unless one is there already. */
export function withBlock(blocks: readonly PageBlock[], id: SectionId, titleOf: BlockPlanInput["titleOf"]): PageBlock[] {
  if (blocks.some((b) => b.layout === id)) return [...blocks];
  const { title, nav } = titleOf(id);
  const block: PageBlock = { id: uniqueId(id, new Set(blocks.map((b) => b.id))), heading: title, nav, layout: id, form: null, requested: false };
  const rank = SECTION_ORDER.indexOf(id);
  const at = blocks.findIndex((b) => b.layout === "form" || b.layout === "contact" || (isSectionId(b.layout) && SECTION_ORDER.indexOf(b.layout) > rank));
  return at < 0 ? [...blocks, block] : [...blocks.slice(0, at), block, ...blocks.slice(at)];
}

export function planBlocks(input: BlockPlanInput): PageBlock[] {
  const taken = new Set<string>();
  const blocks: PageBlock[] = [];
  if (input.list.exhaustive) {
    for (const item of input.list.items) blocks.push(requestedBlock(item.heading, item.form, taken, input.scheduled));
  } else {
    for (const id of input.sections) blocks.push(defaultBlock(id, input, taken));
    for (const item of input.list.items) {
      // "with a newsletter" is the kind's own newsletter section, not a second sign-up form.
      const layout = item.form === "contact" ? "contact" : item.form === "subscription" ? "newsletter" : item.form ? null : requestedBlock(item.heading, null, new Set(), input.scheduled).layout;
      // "with a gallery" keeps the gallery where the kind puts it, under the user's heading.
      const at = blocks.findIndex((b) => !b.requested && b.layout === layout && isSectionId(b.layout));
      const existing = blocks[at];
      if (existing) blocks[at] = { ...existing, heading: item.heading, nav: item.heading, requested: true };
      else insertBeforeContact(blocks, requestedBlock(item.heading, item.form, taken, input.scheduled));
    }
  }
  for (const kind of input.forms) {
    const has = blocks.some((b) => b.form === kind || (kind === "subscription" && b.layout === "newsletter"));
    if (!has) insertBeforeContact(blocks, requestedBlock(input.formHeading(kind), kind, taken));
  }
  if (!blocks.some((b) => b.form !== null)) blocks.push(defaultBlock("contact", input, taken));
  // A form gets the fields the prompt asked of it.
  const { fields } = input.list;
  return blocks.map((b) => (b.form && fields[b.form]?.length ? { ...b, fields: fields[b.form] } : b));
}

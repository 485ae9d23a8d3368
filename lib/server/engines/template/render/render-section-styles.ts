/**
 * Per-section styles, keyed by section id so an edit that adds a section to a site whose
 * stylesheet lacks them can append exactly the rules it needs.
 */

import { SECTION_ORDER, type SectionId } from "../site-spec";
import { BLOCK_STYLES } from "./render-block-sections";

export const SECTION_STYLES: Record<SectionId, string> = {
  about: `
.split { display: grid; gap: 2.5rem; align-items: center; }
.split-copy p { font-size: 1.075rem; }
.split-art img { width: 100%; aspect-ratio: 4 / 5; object-fit: cover; border-radius: calc(var(--radius) * 1.5); box-shadow: var(--shadow); }`,
  features: `
.section-features .card h3 { margin-top: 0.25rem; }`,
  services: `
.section-services .card { border-top: 3px solid var(--accent); }`,
  menu: `
.menu-grid { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
.menu-group { padding: 1.5rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.menu-group h3 { padding-bottom: 0.75rem; border-bottom: 1px solid var(--border); font-size: 1.35rem; }
.menu-list { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; }
.menu-item-head { display: flex; align-items: baseline; gap: 0.5rem; margin: 0; font-weight: 600; }
.menu-dots { flex: 1 1 1rem; min-width: 1rem; border-bottom: 2px dotted var(--border); }
.menu-item-text { margin: 0.15rem 0 0; color: var(--muted); font-size: 0.95rem; }`,
  products: `
.product img { width: 100%; aspect-ratio: 1; object-fit: cover; margin-bottom: 1rem; border-radius: var(--radius-small); }
.product { display: flex; flex-direction: column; }
.product-foot { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem; margin-top: auto; padding-top: 0.5rem; }
.cart-status { margin: 1.25rem 0 0; color: var(--accent-ink); font-weight: 600; }
.cart-status:empty { display: none; }`,
  projects: `
.project-grid { grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
.project img { width: 100%; aspect-ratio: 16 / 10; object-fit: cover; margin-bottom: 1.25rem; border-radius: var(--radius-small); }
.tag-list { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 1rem 0 0; padding: 0; list-style: none; }
.tag-list li { padding: 0.2rem 0.65rem; border-radius: 999px; background: var(--accent-soft); color: var(--text); font-size: 0.8rem; font-weight: 600; }`,
  gallery: `
.gallery-grid { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.gallery-item img { width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: var(--radius); }
.gallery-item figcaption { margin-top: 0.5rem; color: var(--muted); font-size: 0.9rem; }`,
  schedule: `
.timeline { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; }
.timeline-item { display: grid; gap: 0.25rem 1.5rem; padding: 1.25rem 1.25rem 1.25rem 1.5rem; border-left: 4px solid var(--accent); border-radius: var(--radius-small); background: var(--surface); }
.timeline-time { margin: 0; color: var(--accent-ink); font-weight: 700; }
.timeline-body h3 { font-size: 1.15rem; margin-bottom: 0.25rem; }
.timeline-body p { margin: 0; color: var(--muted); }`,
  stats: `
.stats-grid { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr)); }
.stat { padding: 1.5rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.stat-value { margin: 0; color: var(--accent-ink); font-family: var(--font-heading); font-size: clamp(2rem, 1.6rem + 1.5vw, 2.75rem); font-weight: var(--heading-weight); line-height: 1.1; }
.stat-label { margin: 0.25rem 0 0; color: var(--muted); }`,
  team: `
.person { text-align: left; }
.person .person-role { color: var(--accent-ink); font-weight: 600; margin-top: -0.35rem; }`,
  testimonials: `
.quote-grid { grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
.quote { display: flex; flex-direction: column; }
.quote blockquote { margin: 0 0 1.25rem; }
.quote blockquote p { color: var(--text); font-size: 1.075rem; }
.quote .stars { margin-bottom: 0.75rem; color: var(--accent-ink); letter-spacing: 0.1em; }
.quote figcaption { display: flex; align-items: center; gap: 0.75rem; margin-top: auto; }
.quote-role { display: block; color: var(--muted); font-size: 0.9rem; }`,
  pricing: `
.pricing-grid { grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); align-items: stretch; }
.plan { display: flex; flex-direction: column; }
.plan .button { margin-top: auto; }
.plan-featured { border: 2px solid var(--accent); box-shadow: 0 20px 40px -20px rgb(15 23 42 / 0.35); }
.plan .plan-badge { align-self: flex-start; margin-bottom: 0.75rem; padding: 0.2rem 0.7rem; border-radius: 999px; background: var(--accent); color: var(--accent-contrast); font-size: 0.8rem; font-weight: 700; }
.plan-price { margin-bottom: 0.5rem; }
.plan-amount { color: var(--text); font-family: var(--font-heading); font-size: 2.5rem; font-weight: var(--heading-weight); line-height: 1; }
.plan-period { color: var(--muted); }`,
  posts: `
.post { display: flex; flex-direction: column; }
.post-meta { color: var(--muted); font-size: 0.875rem; }
.post h3 { font-size: 1.3rem; }`,
  faq: `
.faq-list { max-width: 48rem; border-top: 1px solid var(--border); }
.faq-item { border-bottom: 1px solid var(--border); }
.faq-item summary { display: flex; justify-content: space-between; gap: 1rem; padding: 1.1rem 0; font-weight: 600; cursor: pointer; list-style: none; }
.faq-item summary::-webkit-details-marker { display: none; }
.faq-item summary::after { content: "+"; flex: none; color: var(--accent-ink); font-size: 1.25rem; line-height: 1; }
.faq-item[open] summary::after { content: "−"; }
.faq-item p { margin: 0 0 1.25rem; color: var(--muted); }`,
  newsletter: `
.inline-form { max-width: 34rem; }
.inline-form-row { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.inline-form-row input { flex: 1 1 14rem; width: auto; }`,
  contact: `
.contact-grid { display: grid; gap: 2rem; align-items: start; }
.contact-details { display: grid; gap: 1.25rem; margin: 0; padding: 0; list-style: none; }
.contact-details li { display: flex; gap: 0.85rem; align-items: flex-start; }
.contact-details .icon { flex: none; margin-top: 0.2rem; color: var(--accent-ink); }`,
};

/** A marker the edit engine looks for to know a section's styles are already present. */
export function sectionStyleMarker(id: SectionId): string {
  return `/* section: ${id} */`;
}

export function renderSectionStyles(id: SectionId): string {
  return `${sectionStyleMarker(id)}${SECTION_STYLES[id]}\n`;
}

export function renderAllSectionStyles(): string {
  return SECTION_ORDER.map(renderSectionStyles).join("") + BLOCK_STYLES;
}

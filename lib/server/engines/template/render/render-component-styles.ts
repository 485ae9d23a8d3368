/**
 * Shared components (header behaviour, buttons, cards, lists, forms) and the wide-screen layout.
 * Grids use minmax(min(100%, …), 1fr) so no column can be wider than a 375 px viewport.
 */

const COMPONENTS = `
/* Behaviour and motion */
html { scroll-padding-top: 5.5rem; }
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
  .button, .card, .nav-list a { transition: transform 0.18s ease, box-shadow 0.18s ease, background-color 0.18s ease, color 0.18s ease; }
}
:focus-visible { outline: 3px solid var(--accent-ink); outline-offset: 3px; border-radius: 4px; }
.site-header :focus-visible, .site-footer :focus-visible { outline-color: currentColor; }
main:focus { outline: none; }

/* Sticky header with a collapsible menu on small screens (only once the script is running) */
.site-header { position: sticky; top: 0; z-index: 50; box-shadow: 0 1px 0 rgb(15 23 42 / 0.03); }
.has-js .nav-toggle {
  display: inline-flex; align-items: center; justify-content: center;
  width: 2.75rem; height: 2.75rem; padding: 0;
  border: 1px solid currentColor; border-radius: var(--radius-small);
  background: transparent; color: inherit; cursor: pointer;
}
.nav-toggle-bars, .nav-toggle-bars::before, .nav-toggle-bars::after {
  display: block; width: 1.2rem; height: 2px; background: currentColor; border-radius: 2px; content: "";
}
.nav-toggle-bars { position: relative; }
.nav-toggle-bars::before { position: absolute; top: -6px; }
.nav-toggle-bars::after { position: absolute; top: 6px; }
.nav-toggle[aria-expanded="true"] .nav-toggle-bars { background: transparent; }
.nav-toggle[aria-expanded="true"] .nav-toggle-bars::before { top: 0; transform: rotate(45deg); }
.nav-toggle[aria-expanded="true"] .nav-toggle-bars::after { top: 0; transform: rotate(-45deg); }
.has-js .site-nav { display: none; flex-basis: 100%; }
.has-js .site-nav.is-open { display: block; }
.has-js .site-nav .nav-list { flex-direction: column; align-items: stretch; gap: 0; padding-bottom: 0.75rem; }
.has-js .site-nav .nav-list a:not(.button) { display: block; padding: 0.75rem 0; border-bottom: 1px solid var(--border); }
.has-js .site-nav .nav-cta { margin-top: 0.75rem; width: 100%; }
.nav-list a:not(.button):hover { color: var(--accent-ink); }
.site-header .nav-list a:not(.button):hover { color: inherit; text-decoration: underline; }

/* Hero */
.hero {
  background:
    radial-gradient(ellipse 80% 60% at 85% 0%, var(--accent-soft), transparent 70%),
    var(--bg);
  padding-block: clamp(3rem, 2rem + 6vw, 7rem);
}
.hero-art img { box-shadow: var(--shadow); aspect-ratio: 640 / 420; object-fit: cover; }
.eyebrow {
  margin-bottom: 0.75rem;
  color: var(--accent-ink);
  font-size: 0.8rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase;
}
.eyebrow-pill {
  display: inline-block; padding: 0.35rem 0.85rem;
  border-radius: 999px; background: var(--accent-soft);
  letter-spacing: 0.02em; text-transform: none; font-size: 0.875rem;
}

/* Buttons */
.button:hover { transform: translateY(-1px); box-shadow: var(--shadow); }
.button-ghost:hover { border-color: var(--text); }
.button-small { min-height: 2.5rem; padding: 0.4rem 1rem; font-size: 0.925rem; }

/* Sections, cards and lists */
.section:nth-of-type(even) { background: var(--surface-alt); }
.card {
  padding: 1.5rem;
  border: 1px solid var(--border); border-radius: var(--radius);
  background: var(--surface); box-shadow: var(--shadow);
}
.card h3 { font-size: 1.2rem; }
.card p { color: var(--muted); }
.card p:last-child { margin-bottom: 0; }
.card-grid, .product-grid, .project-grid, .post-grid, .quote-grid, .pricing-grid {
  display: grid; gap: 1.25rem; margin: 0; padding: 0; list-style: none;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
}
/* One or two goods keep a card's width: a lone square photo across the page is a wall. */
.product-grid { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.card-icon {
  display: inline-grid; place-items: center;
  width: 2.75rem; height: 2.75rem; margin-bottom: 1rem;
  border-radius: var(--radius-small); background: var(--accent-soft); color: var(--accent-ink);
}
.check-list { display: grid; gap: 0.5rem; margin: 0 0 1.25rem; padding: 0; list-style: none; }
.check-list li { position: relative; padding-left: 1.75rem; }
.check-list li::before { position: absolute; left: 0; content: "✓"; color: var(--accent-ink); font-weight: 700; }
.avatar {
  display: inline-grid; place-items: center; flex: none;
  width: 3.5rem; height: 3.5rem; margin-bottom: 1rem; border-radius: 50%;
  background: var(--accent); color: var(--accent-contrast); font-weight: 700;
}
.avatar-small { width: 2.5rem; height: 2.5rem; margin: 0; font-size: 0.85rem; }
.price { color: var(--accent-ink); font-weight: 700; white-space: nowrap; }

/* Forms */
.field { display: grid; gap: 0.4rem; margin-bottom: 1rem; }
.field label { font-weight: 600; }
input, select, textarea {
  width: 100%; min-width: 0; padding: 0.7rem 0.85rem;
  border: 1px solid var(--muted); border-radius: var(--radius-small);
  background: var(--surface); color: var(--text); font: inherit;
}
textarea { resize: vertical; min-height: 7rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 1px; }
.form-status { margin: 0.75rem 0 0; color: var(--accent-ink); font-weight: 600; }
.form-status:empty { display: none; }
`;

const RESPONSIVE = `
/* Wider screens */
@media (min-width: 48rem) {
  .container { width: min(100% - 4rem, var(--max)); }
  .has-js .nav-toggle { display: none; }
  .has-js .site-nav { display: block; flex-basis: auto; }
  .has-js .site-nav .nav-list { flex-direction: row; align-items: center; gap: 0.25rem 1.5rem; padding-bottom: 0; }
  .has-js .site-nav .nav-list a:not(.button) { display: inline; padding: 0; border: 0; }
  .has-js .site-nav .nav-cta { margin-top: 0; width: auto; }
  .hero-inner { grid-template-columns: 1.1fr 0.9fr; gap: 4rem; }
  .split { grid-template-columns: 1.1fr 0.9fr; }
  .contact-grid { grid-template-columns: 0.8fr 1.2fr; }
  .timeline-item { grid-template-columns: 9rem 1fr; }
  .footer-inner { grid-template-columns: 1fr auto; align-items: start; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
`;

export function renderComponentStyles(): string {
  return COMPONENTS;
}

export function renderResponsiveStyles(): string {
  return RESPONSIVE;
}

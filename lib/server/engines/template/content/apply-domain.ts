/**
 * Rewrites a kind's copy in a domain's vocabulary. A known domain brings its own offerings, people
 * and words; software about a domain is written as a tool for that trade; an unknown trade is at
 * least named in the copy ("{name} is a dental clinic in Porto"), never "everyday work".
 */

import { findDomain } from "./domain-lexicon";
import type { DomainProfile } from "./domain-profile";
import type { CardItem, IconName, KindContent } from "./kind-content";
import type { SiteSpec } from "../site-spec";
import { writeSoftwareCopy } from "./software-copy";
import copy from "../data/domain-copy.json";
import { fillSlots } from "../locale/locales";
import { readRole } from "../prompt/read-english";

const ICONS: readonly IconName[] = ["spark", "star", "heart", "leaf", "bolt", "shield", "clock", "layers"];

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "an eye clinic", "a dental clinic" (by the first letter, which is good enough for trades). */
export const aOrAn = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** Copy templates are escaped and filled later, so braces in prompt text must not read as slots. */
export const plain = (text: string) => text.replace(/[{}]/g, "");

function writeDomainCopy(base: KindContent, domain: DomainProfile): KindContent {
  const cards: CardItem[] = domain.offerings.map(([title, text], i) => ({ title, text, icon: ICONS[i % ICONS.length] ?? "spark" }));
  const c = copy.domain;
  // "route setters and coaches" → "Route setter": one person has one role.
  const role = capitalise((domain.people.split(/\s+and\s+/)[0] ?? domain.people).replace(/s$/, ""));
  const [first, firstText] = domain.offerings[0] ?? [];
  const slots = { label: domain.label, people: domain.people, roleLower: role.toLowerCase(), two: domain.words.slice(0, 2).join(" and "), three: domain.words.slice(0, 3).join(", "),
    firstOr: first?.toLowerCase() ?? "one visit", firstOrVisit: first?.toLowerCase() ?? "a first visit", firstText: firstText ?? "Everything you need." };
  const fill = (text: string) => fillSlots(text, slots);
  const title = (id: "features" | "services" | "team") => ({ ...base.titles[id], nav: fill(c.titles[id][0] ?? ""), title: fill(c.titles[id][1] ?? "") });
  return {
    ...base,
    eyebrow: capitalise(domain.label),
    tagline: domain.tagline,
    lead: domain.lead.replace(/\{label\}/g, domain.label),
    heroAlt: fill(c.heroAlt),
    titles: { ...base.titles, features: title("features"), services: title("services"), team: title("team") },
    about: { paragraphs: c.about.map(fill), highlights: domain.offerings.slice(0, 3).map(([t]) => t) },
    features: cards,
    services: cards,
    // A bike shop sells what its domain offers, priced on request, never the shop kind's stoneware mugs.
    products: domain.offerings.map(([name = "", text = ""]) => ({ name, text, price: null })),
    pricing: domain.offerings.slice(0, 3).map(([name, text], i) => ({
      name, price: c.prices[i] ?? 50, period: base.pricing[i]?.period ?? "session", text, features: domain.words.slice(i, i + 3).map((w) => capitalise(w)), featured: i === 1,
    })),
    team: base.team.map((person, i) => ({ ...person, role: i === 0 ? fill(c.founder) : role })),
    gallery: domain.words.slice(0, 6).map((word) => fillSlots(c.gallery, { Word: capitalise(word) })),
    schedule: domain.offerings.map(([t, text], i) => ({ time: c.times[i] ?? c.lastTime, title: t, text })),
    testimonials: c.testimonials.map(([quote = "", author = "", r = ""]) => ({ quote: fill(quote), author, role: r })),
    faq: [...c.faq.map(([q = "", a = ""]) => ({ q: fill(q), a: fill(a) })), ...base.faq.slice(3)],
    contact: { ...base.contact, topics: [...domain.offerings.map(([t]) => t), c.otherTopic] },
  };
}

/** Unknown trades: name the trade in the copy the generic kind would otherwise write vaguely. */
function writeTopicCopy(base: KindContent, spec: SiteSpec, topic: string): KindContent {
  const c = copy.topic;
  const slots = { topic, aTopic: aOrAn(topic), where: spec.location ? c.where : "", baseLead: base.lead };
  const fill = (text: string) => fillSlots(text, slots);
  if (spec.kind === "saas") return { ...base, eyebrow: capitalise(topic), lead: fill(c.saasLead) };
  const landing = base.label === "Landing page";
  return {
    ...base,
    eyebrow: capitalise(topic),
    tagline: landing ? fill(c.tagline) : base.tagline,
    lead: fill(landing ? c.landingLead : c.lead),
    about: { paragraphs: [fill(c.about), ...base.about.paragraphs.slice(1)], highlights: base.about.highlights },
    testimonials: base.testimonials.map((t, i) => (i === 0 ? { ...t, quote: fill(c.testimonial) } : t)),
  };
}

/** The kind's copy, rewritten for the spec's domain, topic and people. */
export function applyDomain(base: KindContent, spec: SiteSpec): KindContent {
  const domain = findDomain(spec.domainId);
  const topic = spec.topic ? plain(spec.topic) : null;
  const slots = { purpose: plain(spec.purpose ?? ""), audience: plain(spec.audience ?? "") };
  let content = base;
  if (domain && spec.kind === "saas" && domain.kind !== "saas") content = writeSoftwareCopy(base, domain, slots.purpose);
  else if (domain) content = writeDomainCopy(base, domain);
  else if (topic && !(spec.kind === "saas" && spec.purpose)) content = writeTopicCopy(base, spec, topic);
  // Software says what it does ("{name} schedules surf lessons") and who it is for.
  if (!domain && spec.kind === "saas" && spec.purpose) content = { ...content, lead: fillSlots(copy.software.lead, slots) };
  if (domain?.kind === "saas" && spec.purpose) {
    content = { ...content, lead: fillSlots(copy.software.withPurpose, { ...slots, lead: content.lead.replace(/^\{name\} is /, "It is ") }) };
  }
  if (spec.kind === "saas" && spec.audience) content = { ...content, lead: fillSlots(copy.software.audience, { ...slots, lead: content.lead }) };
  if (spec.people.length) {
    // The role the prompt gives them ("our dentists …" → "Dentist"), else the kind's.
    const roleOf = (name: string, i: number) => (spec.lang === "en" ? readRole(spec.seed, name) : null) ?? content.team[i]?.role ?? "Team";
    const team = spec.people.map((name, i) => ({ name: plain(name), role: plain(roleOf(name, i)), bio: content.team[i]?.bio ?? "" }));
    // Only the people the prompt named: no stock colleague is made up beside them.
    content = { ...content, team };
  }
  return content;
}

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

const ICONS: readonly IconName[] = ["spark", "star", "heart", "leaf", "bolt", "shield", "clock", "layers"];

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Copy templates are escaped and filled later, so braces in prompt text must not read as slots. */
function plain(text: string): string {
  return text.replace(/[{}]/g, "");
}

function cardsFrom(domain: DomainProfile): CardItem[] {
  return domain.offerings.map(([title, text], i) => ({ title, text, icon: ICONS[i % ICONS.length] ?? "spark" }));
}

function writeDomainCopy(base: KindContent, domain: DomainProfile): KindContent {
  const cards = cardsFrom(domain);
  // "route setters and coaches" → "Route setter": one person has one role.
  const role = capitalise((domain.people.split(/\s+and\s+/)[0] ?? domain.people).replace(/s$/, ""));
  const label = domain.label;
  return {
    ...base,
    eyebrow: capitalise(label),
    tagline: domain.tagline,
    lead: domain.lead.replace(/\{label\}/g, label),
    heroAlt: `Abstract artwork suggesting ${domain.words.slice(0, 2).join(" and ")}`,
    titles: {
      ...base.titles,
      features: { ...base.titles.features, nav: "What we offer", title: "What we offer" },
      services: { ...base.titles.services, nav: "Services", title: `What {name} offers` },
      team: { ...base.titles.team, nav: "Team", title: `Meet our ${domain.people}` },
    },
    about: {
      paragraphs: [
        `{name} is a ${label} run by people who love their trade: ${domain.words.slice(0, 3).join(", ")} and everything around them.`,
        `Whether it is your first time or your fiftieth, our ${domain.people} take the time to get it right for you.`,
      ],
      highlights: domain.offerings.slice(0, 3).map(([title]) => title),
    },
    features: cards,
    services: cards,
    pricing: domain.offerings.slice(0, 3).map(([title, text], i) => ({
      name: title,
      price: [35, 60, 90][i] ?? 50,
      period: base.pricing[i]?.period ?? "session",
      text,
      features: domain.words.slice(i, i + 3).map((w) => capitalise(w)),
      featured: i === 1,
    })),
    team: base.team.map((person, i) => ({ ...person, role: i === 0 ? `Founder and ${role.toLowerCase()}` : role })),
    gallery: domain.words.slice(0, 6).map((word) => `${capitalise(word)} at {name}`),
    schedule: domain.offerings.map(([title, text], i) => ({ time: ["Mon 09:00", "Wed 17:30", "Fri 10:00", "Sat 08:30"][i] ?? "Sun 10:00", title, text })),
    testimonials: [
      { quote: `The best ${label} I know. Friendly, patient and genuinely good at what they do.`, author: "Priya S.", role: "Regular" },
      { quote: `I came for ${domain.offerings[0]?.[0].toLowerCase() ?? "one visit"} and have been back every month since.`, author: "Marcus T.", role: "Customer since last year" },
      { quote: "Clear prices, easy booking and a team that remembers your name.", author: "Elena R.", role: "Local" },
    ],
    faq: [
      { q: "Do I need any experience?", a: `No. Our ${domain.people} start from where you are, and beginners are always welcome.` },
      { q: `What does ${domain.offerings[0]?.[0].toLowerCase() ?? "a first visit"} include?`, a: domain.offerings[0]?.[1] ?? "Everything you need." },
      { q: "How do I book?", a: "Use the form on this page or send us a message, and we will confirm within a day." },
      ...base.faq.slice(3),
    ],
    contact: { ...base.contact, topics: [...domain.offerings.map(([title]) => title), "Something else"] },
  };
}

/** Unknown trades: name the trade in the copy the generic kind would otherwise write vaguely. */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

function writeTopicCopy(base: KindContent, spec: SiteSpec, topic: string): KindContent {
  const where = spec.location ? " in {location}" : "";
  if (spec.kind === "saas") {
    const lead = `{name} is ${withArticle(topic)}: everything in one fast, friendly workspace, so you spend less time on admin and more on the work that matters.`;
    return { ...base, eyebrow: capitalise(topic), lead };
  }
  return {
    ...base,
    eyebrow: capitalise(topic),
    tagline: base.label === "Landing page" ? `A ${topic} you can rely on.` : base.tagline,
    lead: base.label === "Landing page" ? `{name} is ${withArticle(topic)}${where}: friendly people, honest prices and real care in every detail.` : `{name} is ${withArticle(topic)}${where}. ${base.lead}`,
    about: {
      paragraphs: [`{name} is ${withArticle(topic)}${where}, built on one simple idea: do the work properly and treat people well.`, ...base.about.paragraphs.slice(1)],
      highlights: base.about.highlights,
    },
    testimonials: base.testimonials.map((t, i) => (i === 0 ? { ...t, quote: `The best ${topic} we have found. Clear, kind and genuinely good.` } : t)),
  };
}

/** The kind's copy, rewritten for the spec's domain, topic and people. */
export function applyDomain(base: KindContent, spec: SiteSpec): KindContent {
  const domain = findDomain(spec.domainId);
  const topic = spec.topic ? plain(spec.topic) : null;
  let content = base;
  if (domain && spec.kind === "saas" && domain.kind !== "saas") content = writeSoftwareCopy(base, domain, plain(spec.purpose ?? ""));
  else if (domain) content = writeDomainCopy(base, domain);
  else if (topic && !(spec.kind === "saas" && spec.purpose)) content = writeTopicCopy(base, spec, topic);
  if (!domain && spec.kind === "saas" && spec.purpose) {
    content = { ...content, lead: `{name} ${plain(spec.purpose)}, in one fast, friendly app that gives you hours back every week.` };
  }
  if (domain?.kind === "saas" && spec.purpose) content = { ...content, lead: `{name} ${plain(spec.purpose)}. ${content.lead.replace(/^\{name\} is /, "It is ")}` };
  if (spec.kind === "saas" && spec.audience) content = { ...content, lead: `${content.lead} Built for ${plain(spec.audience)}.` };
  if (spec.people.length) {
    const team = spec.people.map((name, i) => ({ name: plain(name), role: content.team[i]?.role ?? "Team", bio: content.team[i]?.bio ?? "" }));
    content = { ...content, team: [...team, ...content.team.slice(team.length)] };
  }
  return content;
}

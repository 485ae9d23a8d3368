/** Copy for software *about* a trade: "a SaaS that schedules surf lessons" is a tool for surf schools (data/software-copy.json). */

import copy from "../data/software-copy.json";
import { fillSlots } from "../locale/locales";
import type { DomainProfile } from "./domain-profile";
import type { IconName, KindContent } from "./kind-content";

export function writeSoftwareCopy(base: KindContent, domain: DomainProfile, purpose: string): KindContent {
  const [o1 = "", o2 = ""] = domain.offerings.map(([title]) => (title ?? "").toLowerCase());
  const slots: Record<string, string> = { plural: domain.plural, label: domain.label, people: domain.people, o1, o2, word: domain.words[0] ?? copy.noWord, purpose };
  slots.does = fillSlots(purpose ? copy.does.withPurpose : copy.does.alone, slots);
  const fill = (text: string) => fillSlots(text, slots);
  return {
    ...base,
    eyebrow: fill(copy.eyebrow),
    tagline: fill(copy.tagline),
    lead: fill(copy.lead),
    heroAlt: fill(copy.heroAlt),
    features: copy.features.map(([title = "", text = "", icon]) => ({ title: fill(title), text: fill(text), icon: icon as IconName })),
    testimonials: copy.testimonials.map(([quote = "", author = "", role = ""]) => ({ quote: fill(quote), author, role: fill(role) })),
    faq: [...copy.faq.map(([q = "", a = ""]) => ({ q: fill(q), a: fill(a) })), ...base.faq.slice(0, 3)],
  };
}

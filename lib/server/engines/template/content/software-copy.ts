/** Copy for software *about* a trade: "a SaaS that schedules surf lessons" is a tool for surf schools. */

import type { DomainProfile } from "./domain-profile";
import type { KindContent } from "./kind-content";

function lower(text: string | undefined): string {
  return (text ?? "").toLowerCase();
}

export function writeSoftwareCopy(base: KindContent, domain: DomainProfile, purpose: string): KindContent {
  const [first, second] = domain.offerings;
  const o1 = lower(first?.[0]);
  const o2 = lower(second?.[0]);
  const does = purpose ? `${purpose} for ${domain.plural}` : `runs the day-to-day of ${domain.plural}`;
  return {
    ...base,
    eyebrow: `Software for ${domain.plural}`,
    tagline: `The calm way to run your ${domain.label}.`,
    lead: `{name} ${does}: bookings, ${domain.people}, payments and reminders in one place, so you spend less time on admin and more on ${domain.words[0] ?? "your customers"}.`,
    heroAlt: `Illustration of a booking calendar for a ${domain.label}`,
    features: [
      { title: "Smart scheduling", text: `Plan ${o1} and ${o2} on one calendar, with no double bookings.`, icon: "clock" },
      { title: "Online booking", text: `Customers book and pay for ${o1} from your website, day or night.`, icon: "spark" },
      { title: `Rotas for ${domain.people}`, text: `See which ${domain.people} are free and share schedules in one tap.`, icon: "layers" },
      { title: "Automatic reminders", text: "Texts and emails before every session cut no-shows.", icon: "bolt" },
      { title: "Payments and packages", text: "Deposits, multi-session packs and refunds handled for you.", icon: "shield" },
      { title: "Reports", text: `Bookings, revenue and busy times for your ${domain.label} at a glance.`, icon: "star" },
    ],
    testimonials: [
      { quote: `We run our whole ${domain.label} on {name} now. Bookings used to take my evenings.`, author: "Hannah W.", role: `Owner, a ${domain.label}` },
      { quote: `Our ${domain.people} see their week on their phones, and no-shows dropped by half.`, author: "Diego M.", role: "Operations lead" },
      { quote: "Setup took an afternoon. Customers noticed the difference the next day.", author: "Grace O.", role: "Founder" },
    ],
    faq: [
      { q: `Is {name} made for ${domain.plural}?`, a: `Yes. Everything, from ${o1} to ${o2}, is built around how ${domain.plural} actually work.` },
      ...base.faq.slice(0, 3),
    ],
  };
}

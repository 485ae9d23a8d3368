/**
 * What a site is about. A known domain brings its own vocabulary; a product *about* a domain
 * ("a SaaS that schedules surf lessons") keeps the domain's words but is written as software for it;
 * an unknown trade is still named in the copy by the words the prompt used ("escape room venue").
 */

import { DOMAINS } from "../content/domain-lexicon";
import type { DomainProfile } from "../content/domain-profile";
import { buildTermPattern } from "./kind-keywords";

export interface DomainReading {
  domain: DomainProfile | null;
  /** The site is software about the domain rather than the business itself. */
  software: boolean;
  /** How the copy names what the site is about: "surf school", "software for surf schools". */
  topic: string | null;
  /** "for builders" → "builders". */
  audience: string | null;
  /** "that schedules surf lessons" → "schedules surf lessons". */
  purpose: string | null;
}

const SOFTWARE = /\b(saas|software|app|apps|platform|tool|crm|product|system|dashboard|api)\b/i;
const HEAD_NOUNS =
  "clinic|hospital|practice|studio|school|academy|shop|store|salon|garage|agency|firm|venue|space|company|business|centre|center|club|bar|hotel|restaurant|teacher|tutor|coach|charity|non-profit|nonprofit|organisation|organization|gallery|museum|farm|boutique|market|workshop|consultancy|service|services";
const BUSINESS_PHRASE = new RegExp(`\\b((?:[a-z][a-z-]*\\s+){0,3}?)(${HEAD_NOUNS})\\b`, "i");
const DROP_WORDS = new Set(["a", "an", "the", "my", "our", "their", "for", "small", "little", "local", "new", "independent", "friendly", "cosy", "cozy", "modern", "simple", "website", "site", "page", "landing", "of", "is", "and", "with", "called", "named", "in"]);

function scoreDomain(text: string, domain: DomainProfile): number {
  let score = 0;
  for (const [term, weight] of domain.terms) {
    const hits = text.match(buildTermPattern(term))?.length ?? 0;
    if (hits) score += weight * Math.min(hits, 3);
  }
  return score;
}

function bestDomain(text: string): DomainProfile | null {
  let best: DomainProfile | null = null;
  let bestScore = 2.9;
  for (const domain of DOMAINS) {
    const score = scoreDomain(text, domain);
    if (score > bestScore) {
      best = domain;
      bestScore = score;
    }
  }
  return best;
}

/** "a family dental clinic in Porto" → "dental clinic"; lower-case words only, so names stay out. */
export function readBusinessPhrase(text: string): string | null {
  const match = BUSINESS_PHRASE.exec(text);
  if (!match) return null;
  const words = (match[1] ?? "").trim().split(/\s+/).filter((w) => w && !DROP_WORDS.has(w.toLowerCase()));
  const phrase = [...words, (match[2] ?? "").toLowerCase()].join(" ").trim();
  return phrase.length >= 3 ? phrase : null;
}

function readPurpose(text: string): string | null {
  const match = /\b(?:saas|software|app|platform|tool|product|system)\b[^.;:!?]*?\b(?:that|which|to)\s+((?:helps?|lets?|makes?|[a-z]+s)\b[^.;:!?,—–]{3,80})/i.exec(text);
  return match?.[1]?.trim() ?? null;
}

function readAudience(text: string): string | null {
  const match = /\b(?:[Ss]oftware|[Aa]pp|[Pp]latform|[Tt]ool|[Pp]roduct|SaaS|saas|CRM|crm|[Ss]ystem)\s+for\s+((?:[a-z][a-z-]*\s?){1,4})/.exec(text);
  const words = match?.[1]?.trim().split(/\s+/).filter((w) => !DROP_WORDS.has(w.toLowerCase())) ?? [];
  return words.length ? words.join(" ") : null;
}

export function readDomain(text: string): DomainReading {
  const domain = bestDomain(text);
  const software = SOFTWARE.test(text) && (domain === null || domain.kind !== "saas");
  const audience = readAudience(text);
  const purpose = software || domain?.kind === "saas" ? readPurpose(text) : null;
  let topic: string | null = domain?.label ?? readBusinessPhrase(text);
  if (software && domain) topic = `software for ${domain.plural}`;
  else if (software && audience) topic = `software for ${audience}`;
  return { domain, software: software && domain !== null, topic, audience, purpose };
}

/**
 * What a site is about. A known domain brings its own vocabulary; a product *about* a domain
 * ("a SaaS that schedules surf lessons") keeps the domain's words but is written as software for it;
 * an unknown trade is still named in the copy by the words the prompt used ("escape room venue").
 */

import { DOMAINS } from "../content/domain-lexicon";
import type { DomainProfile } from "../content/domain-profile";
import { PLACELESS_KINDS, type SiteKind, type SiteSpec } from "../site-spec";
import keywords from "../data/prompt-keywords.json";
import { KIND_KEYWORDS, buildTermPattern } from "./kind-keywords";
import { isNationality } from "./read-english";
import { alternation } from "../word-pattern";
import { VAGUE } from "../locale/business-index";

/** The spec's topic, audience and purpose, and the domain they were read from. */
export interface DomainReading extends Pick<SiteSpec, "topic" | "audience" | "purpose"> {
  domain: DomainProfile | null;
  /** The site is software about the domain rather than the business itself. */
  software: boolean;
}

const SOFTWARE = /\b(saas|software|app|apps|platform|tool|crm|product|system|dashboard|api)\b/i;
const BUSINESS_PHRASE = new RegExp(`(?<!['’])\\b((?:[a-z][a-z-]*\\s+){0,3}?)(${keywords.domainReading.headNouns.join("|")})\\b`, "i");
const DROP_WORDS = new Set(keywords.domainReading.dropWords);

/** The domain whose terms the text names most, when it names them enough (weighted hits, each term counted up to 3 times). */
function bestDomain(text: string): { domain: DomainProfile | null; score: number } {
  let best: { domain: DomainProfile | null; score: number } = { domain: null, score: 2.9 };
  for (const domain of DOMAINS) {
    const score = domain.terms.reduce((sum, [term, weight]) => sum + weight * Math.min(text.match(buildTermPattern(term))?.length ?? 0, 3), 0);
    if (score > best.score) best = { domain, score };
  }
  return best;
}

/** True when every mention of the domain qualifies a word of the kind: "wedding photographer". */
function onlyModifies(text: string, domain: DomainProfile | null, kind: SiteKind): boolean {
  if (!domain || kind === "landing" || kind === "saas") return false;
  const kindWords = KIND_KEYWORDS[kind].map(([term]) => term).filter((t) => /^[\p{L}]/u.test(t));
  const head = new RegExp(`^(?:\\s+(?:and|&|or)\\s+[\\p{L}-]+)?[\\s-]+(?:${alternation(kindWords)})`, "iu");
  const mentions = domain.terms.flatMap(([term]) => [...text.matchAll(buildTermPattern(term))]);
  return mentions.length > 0 && mentions.every((match) => head.test(text.slice((match.index ?? 0) + match[0].length)));
}

/** "a family dental clinic in Porto" → "dental clinic"; lower-case words only, so names stay out. */
export function readBusinessPhrase(text: string): string | null {
  const match = BUSINESS_PHRASE.exec(text);
  if (!match) return null;
  // A sentence-initial capital ("Dance studio Tempo") is not part of the trade's name.
  const sentenceStart = /(?:^|[.!?]\s*)$/.test(text.slice(0, match.index));
  const words = (match[1] ?? "")
    .trim()
    .split(/\s+/)
    .filter((w) => w && !DROP_WORDS.has(w.toLowerCase()))
    .map((w, i) => (i === 0 && sentenceStart && !isNationality(w) ? w.toLowerCase() : w));
  const phrase = [...words, (match[2] ?? "").toLowerCase()].join(" ").trim();
  return phrase.length >= 3 ? phrase : null;
}

/** The kind's strongest keyword as the prompt phrased it: "developer conference", "music festival". */
export function readKindPhrase(text: string, kind: SiteKind): string | null {
  if (kind === "landing" || kind === "saas") return null;
  const terms = [...KIND_KEYWORDS[kind]].filter(([term]) => /^[\p{L}]/u.test(term)).sort((a, b) => b[1] - a[1]);
  for (const [term] of terms) {
    const match = new RegExp(`((?:\\b[a-z][a-z-]*\\s+){0,2})${buildTermPattern(term).source}`, "iu").exec(text);
    if (!match) continue;
    const before = (match[1] ?? "").trim().split(/\s+/).filter((w) => w && !DROP_WORDS.has(w.toLowerCase()) && /^[a-z]/.test(w));
    return [...before.slice(-1), match[0].slice((match[1] ?? "").length).toLowerCase()].join(" ");
  }
  return null;
}

/** "a SaaS that schedules surf lessons" → "schedules surf lessons". */
const PURPOSE = /\b(?:saas|software|app|platform|tool|product|system)\b[^.;:!?]*?\b(?:that|which|to)\s+((?:helps?|lets?|makes?|[a-z]+s)\b[^.;:!?,—–]{3,80})/i;
const readPurpose = (text: string) => PURPOSE.exec(text)?.[1]?.trim() ?? null;

function readAudience(text: string): string | null {
  const match = /\b(?:[Ss]oftware|[Aa]pp|[Pp]latform|[Tt]ool|[Pp]roduct|SaaS|saas|CRM|crm|[Ss]ystem)\s+for\s+((?:[a-z][a-z-]*\s?){1,4})/.exec(text);
  const words = match?.[1]?.trim().split(/\s+/).filter((w) => !DROP_WORDS.has(w.toLowerCase())) ?? [];
  return words.length ? words.join(" ") : null;
}

/** "an app that…", "a small SaaS called…": the product itself is software, whatever it is about. */
const IS_SOFTWARE = /\b(?:a|an|the|our|my|is)\s+(?:[\w-]+\s+){0,2}(?:saas|app|software|platform|tool|crm|web\s+app)\b/i;

export function isSoftwareProduct(text: string): boolean {
  return IS_SOFTWARE.test(text.slice(0, 160));
}

export function readDomain(text: string, scored: { kind: SiteKind; score: number }, withTrade = false): DomainReading {
  const { kind } = scored;
  const found = bestDomain(text);
  // "Dog grooming salon": a trade the presets name takes no other trade's domain from a generic noun alone ("salon").
  const generic = withTrade && found.domain && !PLACELESS_KINDS.includes(found.domain.kind) &&
    found.domain.terms.every(([term]) => VAGUE.has(term) || !buildTermPattern(term).test(text));
  // A wedding *photographer* is photography: a kind that scores higher outranks a domain of another kind.
  const conflicts = found.domain !== null && kind !== "landing" && kind !== "saas" && found.domain.kind !== kind && found.domain.kind !== "saas";
  // "Bookkeeping services for small businesses": software's words in a business that names no software is that business.
  const service = found.domain?.kind === "saas" && kind !== "saas" && !SOFTWARE.test(text) && readBusinessPhrase(text) !== null;
  const domain = service || generic || (conflicts && (scored.score > found.score || onlyModifies(text, found.domain, kind))) ? null : found.domain;
  const software = (SOFTWARE.test(text) || kind === "saas") && (domain === null || domain.kind !== "saas");
  const audience = readAudience(text);
  const purpose = software || domain?.kind === "saas" ? readPurpose(text) : null;
  let topic: string | null = domain?.label ?? readBusinessPhrase(text.split(/:|\s[—–-]\s|\bwith\b|\bsections?\b/i)[0] ?? text) ?? readKindPhrase(text, kind);
  if (software && domain) topic = `software for ${domain.plural}`;
  else if (software && audience) topic = `${topic ?? "software"} for ${audience}`;
  return { domain, software: software && domain !== null, topic, audience, purpose };
}

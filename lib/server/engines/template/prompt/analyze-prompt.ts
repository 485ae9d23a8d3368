/**
 * Prompt → SiteSpec. Pure and deterministic: the same prompt always yields the same spec, so every
 * step of a generation (and a retry) renders the same site. Never throws, whatever the input.
 */

import { extractNames } from "./extract-name";
import tradeAliases from "../data/trade-aliases.json";
import nameWords from "../data/name-words.json";
import { compoundLanguages, readBusiness, readUnknownTrade } from "../locale/read-business";
import { VAGUE } from "../locale/business-index";
import { readCuisine } from "../content/read-cuisine";
import { fillSlots, getLocale } from "../locale/locales";
import { neutralName } from "../locale/neutral-name";
import { PAGE_LANGUAGES, readLanguage, reweighLanguage } from "../locale/read-language";
import { currencySymbol, isPlaceName, placeLanguages, readPlace, withoutRegionCode } from "../locale/read-place";
import { getKindContent } from "../content/kind-profiles";
import { GENERIC_WORDS, KIND_KEYWORDS, SECTION_KEYWORDS, buildTermPattern } from "./kind-keywords";
import { FORM_WORDING, detectFormsInText, type FormKind } from "../content/form-kinds";
import { placePrices, planBlocks, withBlock } from "./plan-blocks";
import { readDate } from "./read-details";
import { isDescribingWord, readPeople, singularOf } from "./read-english";
import { isSoftwareProduct, readDomain } from "./read-domain";
import { readLooks } from "./read-looks";
import { readSectionList } from "./read-section-list";
import { readTradePhrase } from "./read-trade-phrase";
import { statedCurrency } from "../locale/stated-currency";
import { readStatedFacts } from "./read-stated-facts";
import { findColorMentions } from "./named-colors";
import { KITCHEN_KINDS, PLACELESS_KINDS, SITE_KINDS, isSectionId, layoutsOf, sectionLabel, mergeSectionOrder, orderSections, type SectionId, type SiteKind, type SiteSpec } from "../site-spec";

/** Long prompts are analysed in full for keywords but capped so pathological input stays fast. */
const MAX_ANALYSED = 6000;
const NEGATION_BEFORE = /\b(?:no|without|not|don't|dont|do not|never|skip|exclude|except)\b[^.,;!?]{0,24}$/i;

/** Positions where a term occurs, ignoring occurrences negated just before ("no gallery"). */
function findTerm(text: string, term: string): { positive: number; negative: number } {
  const hits = [...text.matchAll(buildTermPattern(term))];
  const negative = hits.filter((m) => NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))).length;
  return { positive: hits.length - negative, negative };
}

/** Scores every kind by weighted keyword hits; ties go to the more specific kind listed first. */
export const detectKind = (text: string): SiteKind => scoreKind(text).kind;

export function scoreKind(text: string): { kind: SiteKind; score: number } {
  let best: { kind: SiteKind; score: number } = { kind: "landing", score: 0 };
  for (const kind of SITE_KINDS) {
    if (kind === "landing") continue;
    const score = KIND_KEYWORDS[kind].reduce((sum, [term, weight]) => sum + weight * Math.min(findTerm(text, term).positive, 3), 0);
    if (score > best.score) best = { kind, score };
  }
  return best;
}

/** Sections the prompt explicitly asks for, and those it explicitly rules out. */
export function detectSections(text: string): { requested: SectionId[]; excluded: SectionId[] } {
  const requested: SectionId[] = [];
  const excluded: SectionId[] = [];
  for (const [id, terms] of Object.entries(SECTION_KEYWORDS) as Array<[SectionId, readonly string[]]>) {
    const hits = terms.map((term) => findTerm(text, term));
    if (hits.some((h) => h.positive)) requested.push(id);
    else if (hits.some((h) => h.negative)) excluded.push(id);
  }
  return { requested: orderSections(requested), excluded };
}

/** The words of every page language that never make a name or a place ("Una", "Eine"). */
const ARTICLES = new Set(nameWords.articles);
const SMALL_WORDS = PAGE_LANGUAGES.flatMap((lang) => getLocale(lang).functionWords).filter((w) => !ARTICLES.has(w));

/** The words as the prompt wrote them ("B&B", "veterinaria"), else as matched. */
function asWritten(prompt: string, words: string): string {
  const at = prompt.toLowerCase().indexOf(words);
  return at >= 0 ? prompt.slice(at, at + words.length) : words;
}

/** "jpn" → "Japanese" (Intl knows the names; an unknown code is shown as it is; franc's codes never throw). */
function languageName(iso3: string): string {
  return new Intl.DisplayNames(["en"], { type: "language" }).of(iso3) ?? iso3;
}

const TRADE_WORD = new RegExp(`(?:^|(?<![\\p{L}])(?:(?:${tradeAliases.tradeWord.articles})\\s+|(?:${tradeAliases.tradeWord.elided})['’])(?:[\\p{L}-]{3,}\\s+)?)(\\p{L}{4,}(?:\\s+(?:${tradeAliases.phraseHeads.joiners.join("|")})\\s+\\p{L}{3,})?)\\s+(?:${tradeAliases.tradeWord.prepositions})\\s+\\p{Lu}`, "iu");
/** The noun before the place ("una autoescuela en Madrid" → "autoescuela", "clases de baile en Bilbao"), unless it is a generic or site word. */
function readTradeWord(prompt: string, lang: string): string | null {
  const word = TRADE_WORD.exec(prompt)?.[1];
  if (!word || [...GENERIC_WORDS, ...PAGE_LANGUAGES.flatMap((l) => getLocale(l).functionWords)].includes(word.toLowerCase())) return null;
  return lang === "de" ? word : word.toLowerCase();
}

/** Kinds that are a programme of their own (an event, a blog): only the trade's own noun makes a site one. */
const PROGRAMME_KINDS: readonly SiteKind[] = ["event", "blog"];

/** Understands a prompt well enough to write a whole site for it. */
export function analyzePrompt(rawPrompt: string): SiteSpec {
  const full = String(rawPrompt ?? "").slice(0, MAX_ANALYSED);
  // Hours, prices and contact details are facts for the page, not words of its name, trade or sections.
  const { facts, rest: prompt, words } = readStatedFacts(full);
  const first = readLanguage(words);
  const software = isSoftwareProduct(prompt);
  const keywordKind = software ? { kind: "saas" as const, score: 99 } : scoreKind(prompt);
  const trade = software ? null : readBusiness(prompt, first.lang, first.other);
  const language = reweighLanguage(words, first, { trade: [...(trade?.langs ?? []), ...compoundLanguages(prompt)], place: placeLanguages(prompt) });
  const anywhere = language.lang === first.lang || software ? trade : readBusiness(prompt, language.lang);
  // One search term ("wine" in "wine list") does not outweigh a trade the prompt names outright ("trattoria").
  // "un agriturismo in Toscana con camere, ristorante…": the noun before the place is the trade; a
  // preset matched only later, in the list of sections, is one of its parts.
  const tradeWord = readTradeWord(prompt, language.lang);
  const ownPhrase = software ? null : readTradePhrase(prompt, language.lang);
  // "a dental clinic in Leeds with … our dentists": the preset the trade's own words name is the one.
  const inOwnWords = ownPhrase ? readBusiness(ownPhrase, language.lang) : null;
  const found = inOwnWords ?? anywhere;
  const phraseHead = ownPhrase?.split(" ").at(-1) ?? null;
  const ownTrade = tradeWord?.toLowerCase() ?? phraseHead?.toLowerCase() ?? null;
  const lower = prompt.toLowerCase();
  const at = found ? lower.indexOf(found.matched.split(" ")[0] ?? "") : -1;
  // A lone search term among the sections ("…with packages and a quote form") names no trade either.
  const listStart = lower.search(/(?<![\p{L}])(?:with|con|avec|mit|com|including)(?![\p{L}])|:/u);
  // "Tree surgeon", "Community choir": a weak search term that only modifies the trade's noun is not the trade.
  // "Dental clinic" is a dentist's: an adjective says what the clinic is; a noun ("tree", "community") names another thing.
  // A head too general to name a trade ("pottery studio", "tile shop") leaves the trade to its modifier.
  const modifies = language.lang === "en" && ownPhrase && ownTrade && found && found.strength < 3 && !VAGUE.has(ownTrade) && ownPhrase.toLowerCase().includes(found.matched) && !found.matched.includes(ownTrade) && !isDescribingWord(ownPhrase, found.matched);
  const listed = found && (modifies || (ownTrade && !found.matched.includes(ownTrade) && at > lower.indexOf(ownTrade)) || (found.strength < 3 && listStart >= 0 && at > listStart));
  // "A florist in Leeds with bouquets, weddings and events": sections listed after "with" are the
  // business's parts; only the words before them weigh against the trade the prompt names.
  const head = listStart > 0 ? scoreKind(prompt.slice(0, listStart)) : keywordKind;
  const business = found && !listed && (found.kind === head.kind || found.strength >= head.score) ? found : null;
  // The OSM preset names the trade; keyword kinds that are no place (software, blog, event,
  // portfolio, agency) still win when the prompt says so more strongly.
  // A trade's "portfolio" is its gallery of work (a tattoo studio's, a carpenter's), not a
  // portfolio site: with a trade named, only the other placeless kinds win.
  const placelessKinds = business ? PLACELESS_KINDS.filter((k) => k !== "portfolio") : PLACELESS_KINDS;
  const placeless = placelessKinds.includes(head.kind) && head.score >= 3;
  // "calligrapher in Kyoto doing wedding invitations": with no preset for the trade the prompt names before its
  // place, kind words after it ("wedding") are what it makes, not what it is.
  const tradePhrase = business ? null : ownPhrase;
  // "barn wedding venue" is a venue, not a wedding: an event or blog kind must come from the trade's own noun.
  const phraseKind = tradePhrase ? scoreKind(tradePhrase) : null;
  const ownsKind = phraseKind && phraseKind.score > 0 && (!PROGRAMME_KINDS.includes(phraseKind.kind) || scoreKind(phraseHead ?? "").kind === phraseKind.kind);
  const unknownTrade = phraseKind ? (ownsKind ? phraseKind : { kind: "landing" as const, score: 0 }) : null;
  const scored = business && !placeless ? { kind: business.kind, score: Math.max(keywordKind.score, 3) } : (unknownTrade ?? keywordKind);
  const agent = business ? null : readUnknownTrade(prompt);
  // A named trade's domain is read before its list of sections too ("weddings" make no florist a wedding).
  const domainReading = readDomain(business && listStart > 0 ? prompt.slice(0, listStart) : prompt, scored, business !== null);
  // "bike courier": a domain read from the word that only modifies the trade ("bike") is not the trade.
  const modifierOnly = agent && domainReading.domain?.terms.some(([term]) => term === agent.split(" ")[0]);
  // A domain that makes the site another kind of thing (a wedding, a podcast, software) must be in the trade's own words, and a preset trade is no software.
  const domain = domainReading.domain;
  // "barn wedding venue" is a venue: an event's or a blog's domain must name the trade's own noun, not only modify it.
  const headNoun = singularOf(phraseHead ?? "");
  const namesHead = (term: string) => !domain || !PROGRAMME_KINDS.includes(domain.kind) || singularOf(term.split(" ").at(-1) ?? "") === headNoun;
  const inTradeWords = (phrase: string) => domain?.terms.some(([term]) => phrase.match(buildTermPattern(term)) && namesHead(term)) ?? false;
  const elsewhere = domain && !domainReading.software && PLACELESS_KINDS.includes(domain.kind) && ((tradePhrase && !inTradeWords(tradePhrase)) || (business && domain.kind === "saas"));
  const reading = modifierOnly || elsewhere ? { ...domainReading, domain: null, topic: modifierOnly ? agent : tradePhrase ?? business?.label.toLowerCase() ?? null } : domainReading;
  const kind: SiteKind = reading.software ? "saas" : reading.domain ? reading.domain.kind : scored.kind;
  const content = getKindContent(kind);
  // The words that named the trade ("Bike shop", "Law firm") are never its name.
  const tradeWords = found ? found.matched.split(" ") : [];
  const read = extractNames(prompt, [...GENERIC_WORDS, ...SMALL_WORDS, ...tradeWords, ...findColorMentions(prompt).map((c) => c.word)], { nounsCapitalised: language.lang === "de" ? new Set(tradeWords.map((w) => w.toLowerCase())) : null });
  // "una veterinaria en Córdoba, Argentina": a guessed name that is only a place is the place.
  // In a language the engine does not read, one capitalised word ("в Москве", "w Krakowie") is as likely an inflected place as a name.
  const names = read.guessed && read.name && (isPlaceName(read.name) || (language.other && !read.name.includes(" "))) ? { ...read, name: null } : read;
  const place = readPlace(prompt, names.location, language.lang, names.name, language.other);
  const location = names.location ?? place.name;
  // "a SaaS that schedules surf lessons" describes the product; it does not ask for a schedule section.
  const { requested, excluded } = detectSections(reading.purpose ? prompt.replace(reading.purpose, " ") : prompt);
  const sections = mergeSectionOrder(content.defaultSections.filter((id) => !excluded.includes(id)), requested);
  const formHeading = (form: FormKind) => getLocale(language.lang, place.locale).forms[form]?.heading ?? FORM_WORDING[form].heading;
  const list = readSectionList(prompt, [names.name ?? "", location ?? ""], [found?.matched ?? "", tradeWord ?? "", ownPhrase ?? "", reading.domain ? (reading.topic ?? "") : ""], formHeading);
  const base = sections.length ? sections : orderSections(content.defaultSections);
  // "haircut £25, beard trim £15": priced services are the services, unless the prompt lists its own.
  // A kitchen's priced dishes are its menu.
  const offers = list.offers.length || KITCHEN_KINDS.has(kind) ? list.offers : facts.prices.flatMap((p) => (p.item && p.service ? [p.item] : []));
  const titleOf = (id: SectionId) => content.titles[id];
  // Listed services are the items of one Services section.
  const withServices = offers.length ? mergeSectionOrder(base, ["services"]) : base;
  const scheduled = content.defaultSections.includes("schedule");
  const forms = detectFormsInText(prompt);
  const planned = planBlocks({ list, sections: withServices, forms, scheduled, titleOf, formHeading });
  const people = readPeople(prompt, names.name);
  // The people the prompt names ("our dentists Dr. Amira Khan and Dr. Tom Reed") are on the page,
  // unless it listed the page's sections itself. The NLP library reads people in English only.
  const showPeople = people.length && language.lang === "en" && !list.exhaustive && !PLACELESS_KINDS.includes(kind);
  const withPeople = showPeople ? withBlock(planned, "team", titleOf) : planned;
  const blocks = placePrices(withPeople, { prices: facts.prices, offers, kitchen: KITCHEN_KINDS.has(kind), titleOf });
  // The kind's own look, with the domain's accent.
  const looks = readLooks(prompt, { ...content, accent: reading.domain?.accent ?? content.accent });
  const currencyCode = statedCurrency(full, place.currency) ?? place.currency;
  const label = business?.label ?? (reading.domain && language.lang === "en" ? reading.domain.label : null);
  // "a beekeeper selling honey and candles": the shop's layout wins, but the trade the prompt named outright is still what the business is,
  // as the user wrote it ("clínica dental") when it is more than one word, else the preset's name.
  const named = !business && !listed && found && found.strength >= 3 ? (found.matched.includes(" ") ? found.matched : found.label).toLowerCase() : null;
  const topic = (language.lang === "en" ? (named ?? (reading.domain ? null : tradePhrase) ?? reading.topic ?? agent) : business ? asWritten(prompt, business.matched) : null) ?? (label ? null : (tradeWord ?? tradePhrase));
  // A guessed first word that begins the trade's words, or alone is them, is no name ("Autoescuela en Lima").
  const lone = topic && names.name && !names.name.includes(" ") ? `${topic} ` : topic;
  const ownName = names.name && names.guessed && lone?.toLowerCase().startsWith(`${names.name.toLowerCase()} `) ? null : names.name;
  // "food truck", "clínica dentária": a trade named in several words keeps them, whatever the preset calls it.
  const own = business && (business === inOwnWords ? ownPhrase : /\s/.test(business.matched) ? business.matched : null);
  const nameTrade = language.lang !== "en" && business ? asWritten(prompt, business.matched) : (own ?? label);
  return {
    kind,
    kindLabel: content.label,
    name: ownName ?? neutralName({ lang: language.lang, trade: nameTrade ?? topic, place: location ? withoutRegionCode(location) : location }),
    nameFromPrompt: ownName !== null,
    sections: layoutsOf(blocks),
    blocks,
    forms: blocks.flatMap((b) => (b.form ? [b.form] : [])),
    requested,
    ...looks,
    location,
    focus: names.focus,
    offers,
    facts,
    currency: currencySymbol({ currency: currencyCode, locale: place.locale }),
    currencyCode,
    locale: place.locale,
    lang: language.lang,
    langOther: language.other,
    business: business ? { id: business.id, label: business.label, cuisine: business.cuisine ?? readCuisine(prompt) } : null,
    cuisine: business ? null : readCuisine(prompt),
    seed: full,
    domainId: reading.domain?.id ?? null,
    topic,
    purpose: reading.purpose,
    audience: reading.audience,
    date: readDate(prompt),
    people,
  };
}

/**
 * What was understood, in the words of the prompt:
 * "Surf school “Onda” in Lisbon · Sections: lessons, prices, booking · ocean blue · booking form".
 */
export function summarizeSpec(spec: SiteSpec): string {
  const topic = spec.topic ?? spec.business?.label ?? null;
  const what = topic ? topic.charAt(0).toUpperCase() + topic.slice(1) : `${spec.kindLabel} site`;
  const parts = [`${what} “${spec.name}”${spec.location ? ` in ${spec.location}` : ""}`];
  const labels = spec.blocks.map((b) => (b.requested || !isSectionId(b.layout) ? b.heading.toLowerCase() : sectionLabel(b.layout)));
  parts.push(`Sections: ${labels.join(", ")}`);
  const dark = spec.palette.mode === "dark" ? ["dark theme"] : [];
  const font = spec.headingFont !== "sans" ? [`${spec.headingFont} headings`] : [];
  parts.push([...spec.colorWords.slice(0, 3), ...dark, `${spec.tone} tone`, ...font].join(", "));
  const forms = spec.forms.filter((f) => f !== "contact").map((f) => FORM_WORDING[f].label);
  if (forms.length) parts.push(forms.join(", "));
  if (spec.date) parts.push(spec.date);
  if (spec.lang !== "en") parts.push(`written in ${getLocale(spec.lang).name}`);
  if (spec.langOther) parts.push(fillSlots(getLocale("en").notice.otherLanguage, { language: languageName(spec.langOther) }));
  if (spec.currencyCode !== "USD") parts.push(`prices in ${spec.currencyCode}`);
  return parts.join(" · ");
}

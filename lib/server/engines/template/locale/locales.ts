/**
 * The page's fixed words in each language the engine writes (data/locales/*.json): navigation,
 * buttons, form labels and confirmations, footer, section intros and the neutral business copy.
 */

import de from "../data/locales/de.json";
import en from "../data/locales/en.json";
import es from "../data/locales/es.json";
import fr from "../data/locales/fr.json";
import it from "../data/locales/it.json";
import pt from "../data/locales/pt.json";
import ptBR from "../data/locales/pt-BR.json";
import type { PageLanguage } from "./read-language";

/** The English file's shape: it words every form kind and titles every section. */
export type Locale = typeof en;

// Our own committed data; every file has the English file's keys (checked by a unit test).
const LOCALES = { en, es, fr, de, pt, it } as unknown as Record<PageLanguage, Locale>;

/** Objects merge key by key; strings and lists are replaced whole. */
export function overlay<T>(base: T, over: unknown): T {
  if (!over || typeof over !== "object" || Array.isArray(over) || !base || typeof base !== "object" || Array.isArray(base)) return (over ?? base) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) if (key !== "note") out[key] = overlay(out[key], value);
  return out as T;
}

/** Regional wording laid over a language's file: Brazil says "equipe", "contato", "agendar". */
const REGIONAL: Record<string, Locale> = { "pt-BR": overlay(LOCALES.pt, ptBR) };

/** The page's words in its language, in the region's wording when the place has one ("pt-BR"). */
export function getLocale(lang: PageLanguage, locale?: string | null): Locale {
  return REGIONAL[`${lang}-${locale?.split("-")[1] ?? ""}`] ?? LOCALES[lang] ?? LOCALES.en;
}

/** "Rua Direita 12, Porto", "Porto", else the page's "Address on request": no street is ever made up. */
export function addressLine(address: string, place: string | null | undefined, onRequest: string): string {
  // "12 High Street, Leeds" already names its town.
  const named = place && address.toLowerCase().includes(place.toLowerCase());
  return [address, named ? null : place].filter(Boolean).join(", ") || onRequest;
}

/** Fills "{x}"-style slots in a locale string (plain text; callers escape when rendering). */
export function fillSlots(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in slots ? String(slots[key]) : whole));
}

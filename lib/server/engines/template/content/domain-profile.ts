/**
 * A domain is what a site is about (a surf school, a law firm, invoicing), finer than its kind
 * (which decides the default sections). Its vocabulary is what makes the copy belong: a surf school
 * gets lessons, levels, boards and waves, not "everyday work".
 */

import type { SiteKind } from "../site-spec";

export interface DomainProfile {
  id: string;
  /** Singular label: "surf school". */
  label: string;
  /** Plural, for software about the domain: "surf schools". */
  plural: string;
  kind: SiteKind;
  /** Words that point to this domain, with weights (like kind keywords). */
  terms: ReadonlyArray<readonly [string, number]>;
  /** What its staff are called: "instructors". */
  people: string;
  tagline: string;
  /** May use {name}, {location} and {label}. */
  lead: string;
  /** What it offers: title and one line, used by service, feature, pricing and card sections. */
  offerings: ReadonlyArray<readonly [string, string]>;
  /** Nouns of the trade, used in captions and highlights. */
  words: readonly string[];
  accent: string;
}

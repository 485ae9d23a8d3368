/**
 * The faithfulness data format: prompts, each with the explicit asks a reader would check on the
 * page, plus optional follow-up edits with their own asks. Parsed with zod so a typo in a data
 * file fails loudly instead of silently dropping an ask.
 */

import { z } from "zod";

export const FORM_ASKS = [
  "booking", "reservation", "appointment", "registration", "signup", "subscription", "enquiry", "quote", "order", "donation", "waiver", "contact",
] as const;

/** Content-fit asks: does the copy belong to this business, in this language? (see check-content-fit.ts) */
export const fitSchema = z
  .object({
    /** The business is not software: no plans, features, integrations or software testimonials. */
    offSoftware: z.boolean().optional(),
    /** ISO 4217 code every price on the page must be written in. */
    currency: z.string().length(3).optional(),
    /** The page's language: its lang attribute, and none of the English fixed strings when not "en". */
    lang: z.enum(["en", "es", "fr", "de", "pt", "it"]).optional(),
    /** Style or mood words of the prompt: never a heading or a navigation item. */
    styleWords: z.array(z.string().min(1)).optional(),
    /** No name in the prompt: every word of the h1 comes from the prompt or from these trade words. */
    neutralName: z.array(z.string().min(1)).optional(),
    /** Text the hero must show (after an edit). */
    hero: z.string().min(1).optional(),
    /** The follow-up must end "not applied" and leave the page as it was. */
    notApplied: z.boolean().optional(),
    /** The page must be the same as the one step N left (0: the first prompt's page). */
    restores: z.number().int().min(0).optional(),
    /** The h1 (the project's name) is the one the previous step left (a headline edit renames nothing). */
    keepsName: z.boolean().optional(),
    /** Words the engine's first message must say (e.g. that the page is in English for another language). */
    understood: z.string().min(1).optional(),
  })
  .strict();

export const asksSchema = z
  .object({
    /** Site name, expected in the h1 or the header brand. */
    name: z.string().min(1).optional(),
    /** Headings, in the order asked; each needs an h2, a header-nav link, and to follow the previous one. */
    sections: z.array(z.string().min(1)).optional(),
    /** Headings that must be gone (after a "remove" follow-up). */
    absent: z.array(z.string().min(1)).optional(),
    forms: z.array(z.enum(FORM_ASKS)).optional(),
    /** The colour asked for and its hue in degrees; checked against the page's dominant hue. */
    color: z.object({ word: z.string(), hue: z.number().min(0).max(360) }).optional(),
    theme: z.enum(["dark", "light"]).optional(),
    font: z.enum(["serif", "sans", "mono"]).optional(),
    /** Words a page about this domain must contain (stems are fine: "plumb" matches "plumbing"). */
    domain: z.array(z.string().min(1)).optional(),
    /** Places, dates and people named in the prompt, expected verbatim in the page text. */
    texts: z.array(z.string().min(1)).optional(),
    fit: fitSchema.optional(),
  })
  .strict();
export type Asks = z.infer<typeof asksSchema>;

export const caseSchema = z
  .object({
    id: z.string().min(1),
    domain: z.string().min(1),
    prompt: z.string().min(1),
    asks: asksSchema,
    followUps: z.array(z.object({ prompt: z.string().min(1), asks: asksSchema }).strict()).optional(),
  })
  .strict();
export type FaithfulnessCase = z.infer<typeof caseSchema>;

export const caseFileSchema = z.object({ note: z.string().optional(), cases: z.array(caseSchema).min(1) }).strict();
export type CaseFile = z.infer<typeof caseFileSchema>;

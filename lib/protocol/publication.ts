import { z } from "zod";
import { idSchema, timestampSchema } from "./common";
import reservedSlugs from "./reserved-slugs.json";

/*
 * Publishing: one public address per project, `/s/<slug>`, serving the version its owner
 * published. `POST /api/projects/:id/publish` publishes or republishes ("Update"), `GET` reads the
 * state, `DELETE` takes the site down (404 from then on).
 */

export const SLUG_MIN_CHARS = 3;
export const SLUG_MAX_CHARS = 40;
/** Addresses that would read as the app's own pages, or confuse a visitor. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(reservedSlugs);

export const slugSchema = z
  .string()
  .min(SLUG_MIN_CHARS, `the address must be at least ${SLUG_MIN_CHARS} characters`)
  .max(SLUG_MAX_CHARS, `the address must be at most ${SLUG_MAX_CHARS} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens between them (e.g. crumb-and-co)")
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: "this address is reserved; choose another" });

/** A slug made from a name: "Crumb & Co." → "crumb-co"; always passes `slugSchema`. */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_CHARS)
    .replace(/-+$/g, "");
  const long = base.length >= SLUG_MIN_CHARS ? base : `site-${base || "new"}`.replace(/-+$/g, "");
  return RESERVED_SLUGS.has(long) ? `${long}-site` : long;
}

export const publishBodySchema = z.strictObject({
  /** The address; omitted: the current one when published, else one made from the site's name. */
  slug: slugSchema.optional(),
  /** The version to serve; omitted: the project's current (newest) version. */
  version: z.number().int().positive().max(1_000_000_000).optional(),
});
export type PublishBody = z.infer<typeof publishBodySchema>;

export const publicationSchema = z.object({
  slug: z.string(),
  /** `/s/<slug>`, relative to the app's origin. */
  url: z.string(),
  version: z.number().int().positive(),
  publishedAt: timestampSchema,
  updatedAt: timestampSchema,
  visits: z.number().int().min(0),
});
export type PublicationInfo = z.infer<typeof publicationSchema>;

/** `GET`/`POST /api/projects/:id/publish`: the publication (null when not published) and the current version. */
export const publishStateSchema = z.object({
  projectId: idSchema,
  publication: publicationSchema.nullable(),
  /** The project's current version, to tell whether the published one is behind it. */
  currentVersion: z.number().int().positive().nullable(),
  /** An address the owner may take when publishing for the first time. */
  suggestedSlug: z.string(),
});
export type PublishState = z.infer<typeof publishStateSchema>;

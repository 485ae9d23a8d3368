import { z } from "zod";

/*
 * A project's own images (uploads: a logo, photos). The site's markup never embeds them: it names
 * each one by a stable reference, `images/<name>`, that every renderer resolves its own way (a
 * same-origin URL for served pages, a file beside index.html in the zip, a blob: URL the preview
 * frame makes itself). So events, versions and the log carry a few dozen bytes per image.
 */

/** Image types an upload may be, decided from the file's bytes (never its name or declared type). */
export const ASSET_MIME_TYPES = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" } as const;
export type AssetExtension = keyof typeof ASSET_MIME_TYPES;
export type AssetMimeType = (typeof ASSET_MIME_TYPES)[AssetExtension];

/** Longest alt text written into the markup. */
export const ASSET_ALT_MAX_CHARS = 300;

/** An asset's stable name: 16 random lowercase letters and digits, then its type's extension. */
export const assetNameSchema = z.string().regex(/^[a-z0-9]{16}\.(png|jpg|webp|gif)$/, "must be an image name like 0123456789abcdef.png");

/** What an image is for: the header's logo (and the favicon), or a picture of the page. */
export const assetRoleSchema = z.enum(["logo", "image"]);
export type AssetRole = z.infer<typeof assetRoleSchema>;

export const assetAltSchema = z.string().trim().max(ASSET_ALT_MAX_CHARS);

/** An uploaded image as the API lists it. */
export const assetInfoSchema = z.object({
  name: assetNameSchema,
  /** The reference to write into markup: `images/<name>`. */
  ref: z.string(),
  mime: z.enum(["image/png", "image/jpeg", "image/webp", "image/gif"]),
  bytes: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  alt: z.string(),
  role: assetRoleSchema,
  createdAt: z.string(),
});
export type AssetInfo = z.infer<typeof assetInfoSchema>;

/** Query of `POST /api/projects/:id/assets` (the body is the image's bytes). */
export const uploadAssetQuerySchema = z.strictObject({ alt: assetAltSchema.default(""), role: assetRoleSchema.default("image") });

export const uploadAssetResponseSchema = z.object({ asset: assetInfoSchema });
export const listAssetsResponseSchema = z.object({ assets: z.array(assetInfoSchema), maxAssets: z.number().int(), maxBytes: z.number().int() });
export type ListAssetsResponse = z.infer<typeof listAssetsResponseSchema>;

/** The markup reference of an asset. */
export const assetRef = (name: string) => `images/${name}`;

/** Every `images/<name>` reference in a text (markup or CSS), found anywhere: attribute, url(), srcset. */
export const ASSET_REF_PATTERN = /\bimages\/([a-z0-9]{16}\.(?:png|jpg|webp|gif))\b/g;

/** The distinct asset names a site's files reference. */
export function listAssetRefs(...texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(ASSET_REF_PATTERN)) names.add(m[1]!);
  return [...names];
}

/** Replaces every asset reference by what `resolve` returns for its name. */
export function replaceAssetRefs(text: string, resolve: (name: string) => string): string {
  return text.replace(ASSET_REF_PATTERN, (_, name: string) => resolve(name));
}

/** The extension of an asset name. */
export const extensionOf = (name: string) => name.slice(name.lastIndexOf(".") + 1) as AssetExtension;

/** Header naming the session whose token reads a project's images (a one-generation watch link). */
export const ASSET_SESSION_HEADER = "x-openv0-session";

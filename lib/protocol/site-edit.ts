import { z } from "zod";
import { assetAltSchema, assetNameSchema } from "./assets";

/*
 * Direct edits of a site's element, without a model: what the workspace asks for, by the stable
 * element id (`data-ov-id`) that every version's markup carries. The server applies each one to
 * the base version's HTML with an HTML parser; nothing here is ever taken as markup.
 */

/** Attribute that carries each meaningful element's stable id in generated markup. */
export const ELEMENT_ID_ATTRIBUTE = "data-ov-id";

/** An element id as written by `stampElementIds`: short, url-safe. */
export const elementIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be an element id (A-Z, a-z, 0-9, _ and -)");

/**
 * Longest file a hand edit of the code may save: as long as a model engine may write one
 * (LLM_MAX_FILE_CHARS' default), so every generated site can be edited by hand.
 */
export const CODE_MAX_CHARS = 200_000;
/**
 * Largest body of a start that carries a hand edit of the code (three files, JSON-escaped); every
 * other body keeps the 64 KB cap (BODY_MAX_BYTES).
 */
export const CODE_EDIT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** Longest text an in-place text edit may write. */
export const EDIT_TEXT_MAX_CHARS = 2000;

/** A CSS colour the panel's colour inputs produce: #rgb or #rrggbb only (never a url() or an expression). */
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, "must be a hex colour like #1e40af");

export const elementAlignSchema = z.enum(["left", "center", "right"]);
/** Spacing and size steps offered by the panel (a scale, not free CSS). */
export const spacingStepSchema = z.enum(["none", "small", "medium", "large"]);
export const sizeStepSchema = z.enum(["small", "normal", "large", "huge"]);

export const siteEditSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("text"), id: elementIdSchema, text: z.string().max(EDIT_TEXT_MAX_CHARS) }),
  z.strictObject({
    kind: z.literal("style"),
    id: elementIdSchema,
    color: colorSchema.optional(),
    background: colorSchema.optional(),
    align: elementAlignSchema.optional(),
    spacing: spacingStepSchema.optional(),
    size: sizeStepSchema.optional(),
  }),
  z.strictObject({ kind: z.literal("remove"), id: elementIdSchema }),
  z.strictObject({ kind: z.literal("duplicate"), id: elementIdSchema }),
  z.strictObject({ kind: z.literal("move"), id: elementIdSchema, direction: z.enum(["up", "down"]) }),
  /** The selected image (or the one image inside the selected element) shows an uploaded one, with its alt text. */
  z.strictObject({ kind: z.literal("image"), id: elementIdSchema, asset: assetNameSchema, alt: assetAltSchema }),
  /** The header shows an uploaded logo (replacing the one it has), which is the site's icon too. */
  z.strictObject({ kind: z.literal("logo"), asset: assetNameSchema, alt: assetAltSchema }),
  /** The code edited by hand: the whole site's three files (each bounded; ids are repaired and stamped again). */
  z.strictObject({ kind: z.literal("code"), html: z.string().max(CODE_MAX_CHARS), css: z.string().max(CODE_MAX_CHARS), js: z.string().max(CODE_MAX_CHARS) }),
]);
export type SiteEdit = z.infer<typeof siteEditSchema>;
export type ElementAlign = z.infer<typeof elementAlignSchema>;
export type SpacingStep = z.infer<typeof spacingStepSchema>;
export type SizeStep = z.infer<typeof sizeStepSchema>;

/**
 * What a session stores besides its prompt: a direct edit, or the element a prompt is aimed at.
 * Kept as JSON in `sessions.instruction` and parsed again when the job runs.
 */
export const sessionInstructionSchema = z.union([
  z.strictObject({ edit: siteEditSchema }),
  z.strictObject({ targetId: elementIdSchema }),
]);
export type SessionInstruction = z.infer<typeof sessionInstructionSchema>;

/** The kind of element a selection names, for people: "Heading · Our dentists". */
export function describeElementKind(tag: string): string {
  const t = tag.toLowerCase();
  if (/^h[1-6]$/.test(t)) return "Heading";
  return ELEMENT_KINDS[t] ?? "Element";
}

const ELEMENT_KINDS: Record<string, string> = {
  p: "Text", span: "Text", a: "Link", button: "Button", img: "Image", section: "Section", header: "Header",
  footer: "Footer", nav: "Navigation", ul: "List", ol: "List", li: "List item", form: "Form", input: "Field",
  textarea: "Field", label: "Label", figure: "Figure", blockquote: "Quote", article: "Card", div: "Block",
  main: "Main", aside: "Aside", table: "Table", svg: "Picture", small: "Text", strong: "Text", em: "Text",
};

/** A selection's label: kind and the start of its text. */
export function describeSelection({ tag, text }: { tag: string; text: string }): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const clipped = flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
  return clipped ? `${describeElementKind(tag)} · ${clipped}` : describeElementKind(tag);
}

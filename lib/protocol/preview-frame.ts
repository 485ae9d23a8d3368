import { z } from "zod";
import { EDIT_TEXT_MAX_CHARS, elementIdSchema } from "./site-edit";

/*
 * The postMessage protocol between the workspace and the sandboxed preview frame. Versioned so a
 * cached frame runtime and a newer app can tell they disagree instead of misreading each other.
 * The frame's runtime (app/preview-frame/frame-document.ts) mirrors these shapes in plain JS.
 */

export const PREVIEW_PROTOCOL_VERSION = 1;
/** Tag on parent → frame messages. */
export const PARENT_MESSAGE_SOURCE = "openv0-preview";
/** Tag on frame → parent messages. */
export const FRAME_MESSAGE_SOURCE = "openv0-preview-frame";

const frameBase = { source: z.literal(FRAME_MESSAGE_SOURCE), v: z.literal(PREVIEW_PROTOCOL_VERSION) };

/** Frame → parent: validated on receipt, because the frame also runs the generated site's code. */
export const frameMessageSchema = z.discriminatedUnion("type", [
  /** `instance` is random per runtime start, so a repeated "ready" is told apart from a reload. */
  z.object({ ...frameBase, type: z.literal("ready"), instance: z.string().min(1).max(64) }),
  z.object({ ...frameBase, type: z.literal("rendered"), version: z.number().int().min(0), scriptRan: z.boolean() }),
  z.object({ ...frameBase, type: z.literal("script-error"), message: z.string().max(1000) }),
  /**
   * Select mode: the element clicked (or double-clicked: `edit`, asking to edit its text). Only a
   * claim: the parent selects it only if the version it sent has that id.
   */
  z.object({ ...frameBase, type: z.literal("selected"), id: elementIdSchema, edit: z.boolean() }),
  /** The text typed in place, for the element the parent asked to edit (anything else is refused). */
  z.object({ ...frameBase, type: z.literal("text-edit"), id: elementIdSchema, text: z.string().max(EDIT_TEXT_MAX_CHARS) }),
  z.object({ ...frameBase, type: z.literal("text-edit-cancel"), id: elementIdSchema }),
  /** Esc pressed inside the frame in select mode. */
  z.object({ ...frameBase, type: z.literal("select-exit") }),
  /** Uploaded images arrived and are shown: how many the frame holds (for tests and diagnostics). */
  z.object({ ...frameBase, type: z.literal("assets-shown"), count: z.number().int().min(0).max(10_000) }),
]);
export type FrameMessage = z.infer<typeof frameMessageSchema>;

/**
 * Parent → frame: "are you there?". A server-rendered frame can start before the app hydrates and
 * listens, so its first "ready" may be lost; the runtime answers every hello with another one.
 */
export interface HelloMessage {
  source: typeof PARENT_MESSAGE_SOURCE;
  v: typeof PREVIEW_PROTOCOL_VERSION;
  type: "hello";
}

/** Parent → frame: one whole version of the site; the frame patches itself to match it. */
export interface RenderMessage {
  source: typeof PARENT_MESSAGE_SOURCE;
  v: typeof PREVIEW_PROTOCOL_VERSION;
  type: "render";
  /**
   * Which lineage of versions this is (the session that wrote it). Versions only grow within one
   * epoch; a new epoch (another turn of the project) starts the frame's count over.
   */
  epoch: string;
  version: number;
  html: string;
  css: string;
  js: string;
  /** True once the generation completed: the site's script runs once, never on partial markup. */
  runScript: boolean;
  /** Unsaved code from the editor: patched in even after the script ran (it never runs again for it). */
  draft?: boolean;
}

/** Builds the render message for one preview version. */
export function createRenderMessage(input: { epoch: string; version: number; html: string; css: string; js: string; runScript: boolean; draft?: boolean }): RenderMessage {
  return { source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "render", ...input };
}

/** Builds the hello message. */
export function createHelloMessage(): HelloMessage {
  return { source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "hello" };
}

/** Parent → frame: select mode on or off, and the element shown as selected. */
export interface SelectModeMessage {
  source: typeof PARENT_MESSAGE_SOURCE;
  v: typeof PREVIEW_PROTOCOL_VERSION;
  type: "select-mode";
  on: boolean;
  selected: string | null;
}

/** Parent → frame: make this element's text editable in place (Enter or blur commits, Esc cancels). */
export interface EditTextMessage {
  source: typeof PARENT_MESSAGE_SOURCE;
  v: typeof PREVIEW_PROTOCOL_VERSION;
  type: "edit-text";
  id: string;
}

/** Builds the select-mode message. */
export function createSelectModeMessage(input: { on: boolean; selected: string | null }): SelectModeMessage {
  return { source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "select-mode", ...input };
}

/** Builds the edit-text message. */
export function createEditTextMessage(id: string): EditTextMessage {
  return { source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "edit-text", id };
}

/** Parent → frame: bytes of uploaded images the site references (`images/<name>`); the frame makes its own blob: URLs. */
export interface AssetsMessage {
  source: typeof PARENT_MESSAGE_SOURCE;
  v: typeof PREVIEW_PROTOCOL_VERSION;
  type: "assets";
  assets: Array<{ name: string; blob: Blob }>;
}

/** Builds the assets message. */
export function createAssetsMessage(assets: Array<{ name: string; blob: Blob }>): AssetsMessage {
  return { source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "assets", assets };
}

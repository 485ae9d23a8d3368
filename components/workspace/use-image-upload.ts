"use client";

import { useCallback, useState } from "react";
import type { AssetRole, SiteEdit } from "@/lib/protocol";
import { uploadImage } from "@/lib/client/asset-api";
import { describeApiError } from "@/lib/client/generation-api";
import { useSelection } from "./selection-context";

/** What an upload is for: the header's logo, the selected image, or the project's pictures for the next prompt. */
export type ImageUse = "logo" | "replace" | "keep";

/** Tags whose selection an upload can replace (an image, or the figure around one). */
const IMAGE_TAGS = new Set(["img", "figure", "picture"]);

export interface ImageUploadState {
  open: boolean;
  file: File | null;
  use: ImageUse;
  busy: boolean;
  error: string | null;
  /** A line saying what happened ("Kept for the next prompt"), after a keep. */
  done: string | null;
  /** The selected element's id when it is an image an upload can replace. */
  replaceableId: string | null;
  canUpload: boolean;
  show: (input?: { file?: File | null; use?: ImageUse }) => void;
  close: () => void;
  setFile: (file: File | null) => void;
  setUse: (use: ImageUse) => void;
  /** Uploads the file with its alt text, then applies it (a logo or replace is the next turn). */
  submit: (alt: string) => Promise<void>;
}

/** The upload dialog's state, shared by the toolbar button, the drop zone and the edit panel. */
export function useImageUpload(): ImageUploadState {
  const selection = useSelection();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [use, setUse] = useState<ImageUse>("logo");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selected = selection?.on ? selection.selected : null;
  const replaceableId = selected && IMAGE_TAGS.has(selected.tag) ? selected.id : null;
  const canUpload = Boolean(selection?.canEdit && selection.projectToken);

  const show = useCallback((input: { file?: File | null; use?: ImageUse } = {}) => {
    setOpen(true);
    setError(null);
    setDone(null);
    if (input.file !== undefined) setFile(input.file);
    setUse(input.use ?? (replaceableId ? "replace" : "logo"));
  }, [replaceableId]);
  const close = useCallback(() => {
    setOpen(false);
    setFile(null);
    setError(null);
  }, []);

  const submit = useCallback(async (alt: string) => {
    if (!selection?.projectToken || !file) return;
    setBusy(true);
    setError(null);
    try {
      const role: AssetRole = use === "logo" ? "logo" : "image";
      const asset = await uploadImage({ projectId: selection.projectId, projectToken: selection.projectToken, file, alt, role });
      let edit: SiteEdit | null = null;
      if (use === "logo") edit = { kind: "logo", asset: asset.name, alt };
      else if (use === "replace" && replaceableId) edit = { kind: "image", id: replaceableId, asset: asset.name, alt };
      if (edit) await selection.applyEdit(edit, use === "logo" ? "the logo" : selected?.label ?? "the image");
      setDone(edit ? null : "Kept with the project: the next prompt puts it in the hero, the gallery or the cards.");
      setFile(null);
      if (edit) setOpen(false);
    } catch (e) {
      setError(describeApiError(e).message);
    } finally {
      setBusy(false);
    }
  }, [selection, file, use, replaceableId, selected]);

  return { open, file, use, busy, error, done, replaceableId, canUpload, show, close, setFile, setUse, submit };
}

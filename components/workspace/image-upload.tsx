"use client";

import { useEffect, useId, useMemo, useState, type DragEvent } from "react";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/client/asset-api";
import type { ImageUploadState, ImageUse } from "./use-image-upload";

const button =
  "rounded-md border border-zinc-200 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

const USES: Array<{ id: ImageUse; label: string; hint: string }> = [
  { id: "logo", label: "Logo", hint: "in the header, and the site's icon" },
  { id: "replace", label: "Replace the selected image", hint: "select an image in the preview first" },
  { id: "keep", label: "Keep for the next prompt", hint: "the built-in engine puts it in the hero, gallery and cards" },
];

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The toolbar's "Image" button: opens the upload panel (owners only). */
export function ImageUploadButton({ upload }: { upload: ImageUploadState }) {
  if (!upload.canUpload) return null;
  return (
    <button
      type="button"
      data-testid="image-upload-toggle"
      aria-expanded={upload.open}
      onClick={() => (upload.open ? upload.close() : upload.show())}
      title="Upload your logo or an image (or drop one on the preview)"
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 transition hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-950"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6">
        <rect x="2" y="3" width="12" height="10" rx="1.5" />
        <path d="M4 11l3-3 2 2 1.5-1.5L12 11" strokeLinejoin="round" />
      </svg>
      Image
    </button>
  );
}

/** The upload panel: the file, what it is for, and its alt text (asked for, or marked decorative). */
export function ImageUploadPanel({ upload }: { upload: ImageUploadState }) {
  if (!upload.open || !upload.canUpload) return null;
  // Mounted per open and per file: another picture never inherits the last one's alt text.
  const { file } = upload;
  return <UploadForm key={file ? `${file.name}:${file.size}:${file.lastModified}` : "none"} upload={upload} />;
}

function UploadForm({ upload }: { upload: ImageUploadState }) {
  const [alt, setAlt] = useState("");
  const [decorative, setDecorative] = useState(false);
  const ids = useId();
  const { file } = upload;
  // The app's own page may show a blob: of the chosen file (its CSP allows blob: images).
  const thumb = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => {
    if (thumb) URL.revokeObjectURL(thumb);
  }, [thumb]);
  const needsAlt = !decorative && alt.trim() === "";
  const blocked = upload.busy || !file || needsAlt || (upload.use === "replace" && !upload.replaceableId);
  return (
    <div role="region" aria-label="Upload an image" data-testid="image-upload-panel" className="flex flex-col gap-2 border-b border-indigo-200 bg-indigo-50/60 px-3 py-2 text-xs dark:border-indigo-900 dark:bg-indigo-950/40">
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) void upload.submit(decorative ? "" : alt.trim());
        }}
      >
        <div className="flex flex-wrap items-center gap-2">
          {/* A local blob: of the chosen file; next/image has nothing to optimise here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          {thumb && <img src={thumb} alt="" data-testid="image-upload-thumb" className="h-10 w-10 rounded border border-zinc-200 bg-white object-contain" />}
          <label className="inline-flex cursor-pointer items-center gap-1">
            <span className={button}>{file ? "Choose another file" : "Choose an image"}</span>
            <input
              type="file"
              accept={ACCEPTED_IMAGE_TYPES}
              data-testid="image-upload-file"
              className="sr-only"
              onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <span className="min-w-0 truncate text-zinc-600 dark:text-zinc-300" data-testid="image-upload-file-name">
            {file ? `${file.name} · ${sizeOf(file.size)}` : "PNG, JPEG, WebP or GIF, up to 5 MB — or drop it on the preview"}
          </span>
        </div>
        <fieldset className="flex flex-wrap gap-x-3 gap-y-1">
          <legend className="mb-0.5 font-medium text-indigo-950 dark:text-indigo-100">Use it as</legend>
          {USES.map((u) => (
            <label key={u.id} className="inline-flex items-center gap-1" title={u.hint}>
              <input
                type="radio"
                name={`${ids}-use`}
                value={u.id}
                data-testid={`image-use-${u.id}`}
                checked={upload.use === u.id}
                disabled={u.id === "replace" && !upload.replaceableId}
                onChange={() => upload.setUse(u.id)}
              />
              <span>{u.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${ids}-alt`} className="font-medium text-indigo-950 dark:text-indigo-100">Alt text</label>
          <input
            id={`${ids}-alt`}
            data-testid="image-upload-alt"
            value={alt}
            maxLength={300}
            disabled={decorative}
            onChange={(e) => setAlt(e.target.value)}
            placeholder="What the image shows, for people who cannot see it"
            aria-describedby={`${ids}-alt-hint`}
            className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <label className="inline-flex items-center gap-1">
            <input type="checkbox" data-testid="image-upload-decorative" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
            Decorative
          </label>
        </div>
        <p id={`${ids}-alt-hint`} className="text-zinc-600 dark:text-zinc-400">
          {needsAlt ? "Describe the image (or mark it decorative): the text is written into the page for screen readers." : "Written into the page as the image's alt text."}
        </p>
        <div className="flex flex-wrap items-center gap-1.5">
          <button type="submit" data-testid="image-upload-submit" disabled={blocked} className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
            {upload.busy ? "Uploading…" : upload.use === "keep" ? "Upload" : "Upload and apply"}
          </button>
          <button type="button" className={button} onClick={upload.close}>Cancel</button>
        </div>
      </form>
      {upload.error && <p role="alert" data-testid="image-upload-error" className="text-red-700 dark:text-red-300">Could not upload: {upload.error}</p>}
      {upload.done && <p role="status" data-testid="image-upload-done" className="text-indigo-900 dark:text-indigo-200">{upload.done}</p>}
    </div>
  );
}

const hasFiles = (e: { dataTransfer: DataTransfer | null }) => Boolean(e.dataTransfer && [...e.dataTransfer.types].includes("Files"));

/**
 * Drop an image on the preview: a layer over the frame while a file is dragged (the frame itself
 * would swallow the drop). On a selected image the drop replaces it; elsewhere it opens the panel.
 */
export function ImageDropZone({ upload }: { upload: ImageUploadState }) {
  const [dragging, setDragging] = useState(false);
  const canUpload = upload.canUpload;
  useEffect(() => {
    if (!canUpload) return;
    const onEnter = (e: globalThis.DragEvent) => hasFiles(e) && setDragging(true);
    const onEnd = () => setDragging(false);
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragend", onEnd);
    window.addEventListener("drop", onEnd);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragend", onEnd);
      window.removeEventListener("drop", onEnd);
    };
  }, [canUpload]);
  if (!canUpload || !dragging) return null;
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) upload.show({ file, use: upload.replaceableId ? "replace" : "logo" });
  };
  return (
    <div
      data-testid="image-drop-zone"
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      className="absolute inset-0 z-10 flex items-center justify-center border-2 border-dashed border-indigo-500 bg-indigo-50/80 p-6 text-center text-sm font-medium text-indigo-900 dark:bg-indigo-950/80 dark:text-indigo-100"
    >
      {upload.replaceableId ? "Drop to replace the selected image" : "Drop your logo or an image here"}
    </div>
  );
}

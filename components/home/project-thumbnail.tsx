/**
 * The current version, drawn small: the site's own page in a sandboxed frame (`allow-scripts`
 * only, an opaque origin, as every generated page), scaled down and inert (no focus, no clicks).
 */
export function ProjectThumbnail({ sessionId, name }: { sessionId: string | null; name: string }) {
  return (
    <div aria-hidden="true" className="relative aspect-[16/10] w-full overflow-hidden rounded-t-xl border-b border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-950">
      {sessionId ? (
        <iframe
          src={`/preview/${encodeURIComponent(sessionId)}`}
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          loading="lazy"
          tabIndex={-1}
          title={`Thumbnail of ${name}`}
          data-testid="project-thumbnail"
          className="pointer-events-none absolute top-0 left-0 h-[400%] w-[400%] origin-top-left scale-25 border-0 bg-white"
        />
      ) : (
        <span className="absolute inset-0 flex items-center justify-center text-xs text-zinc-500">No preview yet</span>
      )}
    </div>
  );
}

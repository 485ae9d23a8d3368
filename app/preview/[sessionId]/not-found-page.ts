/** A small static 404 document for `/preview/:id` (route handlers cannot render `not-found.tsx`). */
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview not found — OpenV0</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif; color: #18181b; background: #fff; }
  main { max-width: 28rem; padding: 1.5rem; text-align: center; }
  a { display: inline-block; margin-top: .75rem; padding: .5rem 1rem; border-radius: .5rem; background: #4f46e5; color: #fff; text-decoration: none; font-size: .875rem; }
  p { color: #52525b; font-size: .875rem; }
  @media (prefers-color-scheme: dark) { body { background: #09090b; color: #f4f4f5; } p { color: #a1a1aa; } }
</style>
</head>
<body>
<main data-testid="preview-not-found">
<h1>No preview here</h1>
<p>This link does not point to a site on this server, or the site has not been written yet.</p>
<a href="/">Go to OpenV0</a>
</main>
</body>
</html>
`;

/** The 404 answer: no script, no outside resource, nothing to cache. */
export function renderNotFoundPage(): Response {
  return new Response(page, {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

/** The 404 of an address where nothing is published (never was, taken down, or its project deleted). */
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Site not found</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif; color: #18181b; background: #fff; }
  main { max-width: 28rem; padding: 1.5rem; text-align: center; }
  p { color: #52525b; font-size: .875rem; }
  @media (prefers-color-scheme: dark) { body { background: #09090b; color: #f4f4f5; } p { color: #a1a1aa; } }
</style>
</head>
<body>
<main data-testid="site-not-found">
<h1>No site here</h1>
<p>Nothing is published at this address. It may have been taken down by its owner.</p>
</main>
</body>
</html>
`;

/** The 404 answer: no script, no outside resource, nothing cached. */
export function renderSiteNotFound(): Response {
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

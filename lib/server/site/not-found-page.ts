/** What a static 404 document says (route handlers cannot render `not-found.tsx`). */
interface NotFoundCopy {
  title: string;
  testId: string;
  heading: string;
  text: string;
  /** A way back into the app, when the address belongs to it. */
  homeLink?: string;
  /** Kept out of search engines (a public address that may have been taken down). */
  noindex?: boolean;
}

/** A small static 404 answer: no script, no outside resource, nothing cached. */
export function renderStaticNotFound(copy: NotFoundCopy): Response {
  const link = copy.homeLink
    ? "  a { display: inline-block; margin-top: .75rem; padding: .5rem 1rem; border-radius: .5rem; background: #4f46e5; color: #fff; text-decoration: none; font-size: .875rem; }\n"
    : "";
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${copy.noindex ? '<meta name="robots" content="noindex">\n' : ""}<title>${copy.title}</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif; color: #18181b; background: #fff; }
  main { max-width: 28rem; padding: 1.5rem; text-align: center; }
${link}  p { color: #52525b; font-size: .875rem; }
  @media (prefers-color-scheme: dark) { body { background: #09090b; color: #f4f4f5; } p { color: #a1a1aa; } }
</style>
</head>
<body>
<main data-testid="${copy.testId}">
<h1>${copy.heading}</h1>
<p>${copy.text}</p>
${copy.homeLink ? `<a href="/">${copy.homeLink}</a>\n` : ""}</main>
</body>
</html>
`;
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

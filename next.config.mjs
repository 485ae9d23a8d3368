const dev = process.env.NODE_ENV !== "production";

// The app's own pages. Generated sites never run under this policy: they are served by
// /preview/*, /preview-frame and the published /s/* with their own `sandbox` CSP (an opaque origin).
const appCsp = [
  "default-src 'self'",
  // Next injects inline bootstrap scripts; the dev server also needs eval for fast refresh.
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (several developers or CI jobs in one checkout) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and worker-thread packages must be loaded by Node, not bundled into route handlers.
  serverExternalPackages: ["better-sqlite3", "pino", "prom-client", "openai"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      // Share links carry a viewer token in the query string: never send it to other sites.
      { key: "Referrer-Policy", value: "no-referrer" },
    ];
    return [
      { source: "/api/:path*", headers: common },
      {
        source: "/((?!api/|preview/|preview-frame|s/).*)",
        headers: [...common, { key: "Content-Security-Policy", value: appCsp }, { key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
    ];
  },
};

export default nextConfig;

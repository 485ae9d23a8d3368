import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found — OpenV0" };

/** Any unknown route: says so in words and leads home, instead of Next's bare 404. */
export default function NotFound() {
  return (
    <main data-testid="not-found" className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="font-mono text-sm text-zinc-500">404</p>
      <h1 className="text-lg font-semibold">This page does not exist</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The address may be mistyped, or the link is out of date.</p>
      <Link href="/" data-testid="go-home" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Go to OpenV0
      </Link>
    </main>
  );
}

import Link from "next/link";

export default function GenerationNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold">No such generation</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This link does not point to a generation on this server. It may be mistyped, or the server&apos;s data was reset.
      </p>
      <Link href="/" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Start a new one
      </Link>
    </main>
  );
}

import { StatusPanel } from "@/components/status-panel";

export const dynamic = "force-dynamic";

export const metadata = { title: "OpenV0 — server status" };

export default function StatusPage() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold">Server status</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Live figures from this OpenV0 node, refreshed every 2 seconds.</p>
      <StatusPanel />
    </main>
  );
}

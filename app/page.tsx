import { PromptForm } from "@/components/home/prompt-form";
import { RecentGenerations } from "@/components/home/recent-generations";

export default function HomePage() {
  return (
    <main className="mx-auto w-full max-w-5xl space-y-12 px-4 py-12 sm:py-20">
      <div className="mx-auto max-w-2xl space-y-10">
        <header className="space-y-2 text-center">
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">
            Open<span className="text-indigo-600 dark:text-indigo-400">V0</span>
          </h1>
          <p className="text-zinc-600 dark:text-zinc-400">Describe a website. Watch it being built, step by step.</p>
        </header>
        <PromptForm />
      </div>
      <RecentGenerations />
    </main>
  );
}

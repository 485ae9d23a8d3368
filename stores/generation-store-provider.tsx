"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { GenerationState, Role } from "@/lib/protocol";
import {
  createGenerationStore,
  createInitialStoreState,
  type GenerationStore,
  type GenerationStoreApi,
} from "./generation-store";

const GenerationStoreContext = createContext<GenerationStoreApi | null>(null);

interface ProviderProps {
  initialGeneration: GenerationState;
  initialRole?: Role | null;
  /** Tests pass a ready-made store; the app lets the provider create one per mount. */
  store?: GenerationStoreApi;
  /**
   * When it changes, a fresh store is made from `initialGeneration`, without remounting the
   * children: the project page swaps turns this way, so the preview frame stays loaded.
   */
  storeKey?: string;
  children: ReactNode;
}

/** Provides a store created once per mount (or per `storeKey`), seeded with the server-rendered snapshot. */
export function GenerationStoreProvider({ initialGeneration, initialRole = null, store, storeKey, children }: ProviderProps) {
  const make = () => ({ key: storeKey, store: store ?? createGenerationStore(createInitialStoreState(initialGeneration, initialRole)) });
  const [own, setOwn] = useState(make);
  // Derived state: a new key replaces the store during this render (React re-renders at once).
  let current = own;
  if (own.key !== storeKey) {
    current = make();
    setOwn(current);
  }
  return <GenerationStoreContext.Provider value={current.store}>{children}</GenerationStoreContext.Provider>;
}

/** The store itself, for code that reads or writes outside render (the socket hook). */
export function useGenerationStoreApi(): GenerationStoreApi {
  const store = useContext(GenerationStoreContext);
  if (!store) throw new Error("useGenerationStore must be used inside <GenerationStoreProvider>");
  return store;
}

/** Subscribes to one narrow slice of the workspace store (wrap array/object selectors in useShallow). */
export function useGenerationStore<T>(selector: (state: GenerationStore) => T): T {
  return useStore(useGenerationStoreApi(), selector);
}

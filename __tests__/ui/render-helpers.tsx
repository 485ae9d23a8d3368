import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { GenerationState, Role } from "@/lib/protocol";
import { createGenerationStore, createInitialStoreState, type ConnectionState } from "@/stores/generation-store";
import { GenerationStoreProvider } from "@/stores/generation-store-provider";

/** Renders `ui` inside a provider holding a fresh store with the given state. */
export function renderWithStore(
  ui: ReactElement,
  { generation, role = "owner", connection }: { generation: GenerationState; role?: Role | null; connection?: Partial<ConnectionState> },
) {
  const store = createGenerationStore(createInitialStoreState(generation, role));
  if (connection) store.getState().setConnection(connection);
  const result = render(
    <GenerationStoreProvider initialGeneration={generation} store={store}>
      {ui}
    </GenerationStoreProvider>,
  );
  return { ...result, store };
}

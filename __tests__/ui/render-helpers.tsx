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

type Handler = (...args: unknown[]) => void;

/** A minimal stand-in for socket.io's Socket and Manager: records listeners, fires events. */
export class FakeEmitter {
  readonly handlers = new Map<string, Set<Handler>>();
  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  count() {
    return [...this.handlers.values()].reduce((n, set) => n + set.size, 0);
  }
}

/** The few parts of socket.io's Socket the client code touches: listeners, its manager, connect, disconnect, emit. */
export class FakeSocket extends FakeEmitter {
  io = new FakeEmitter();
  active = true;
  connect = jest.fn();
  disconnect = jest.fn();
  emit = jest.fn();
}

/** Replaces `fetch` with a mock that answers 200 with `body()` (read at each call). */
export function mockFetchJson(body: () => unknown): jest.Mock {
  const fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => body() }));
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

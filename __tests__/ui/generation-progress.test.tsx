import { act, fireEvent, screen, within } from "@testing-library/react";
import { GenerationProgress, plainError } from "@/components/workspace/generation-progress";
import { ConnectionStatus } from "@/components/workspace/connection-status";
import { ApiError } from "@/lib/client/generation-api";
import { failedRun, foldState, initialState, SESSION, successfulRun } from "./fixtures";
import { renderWithStore } from "./render-helpers";

const run = successfulRun();
const noop = () => Promise.resolve();
const stepStatuses = () => screen.getAllByTestId("step-item").map((el) => el.getAttribute("data-status"));

test("queued: 0%, waiting message, cancel for the owner, no steps yet", () => {
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: initialState() });
  const bar = screen.getByRole("progressbar");
  expect(bar).toHaveAttribute("aria-valuenow", "0");
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Queued");
  expect(screen.getByTestId("progress-live")).toHaveTextContent("Waiting to start");
  expect(screen.getByTestId("cancel-button")).toBeInTheDocument();
  expect(screen.queryByTestId("retry-button")).toBeNull();
  expect(screen.queryByTestId("step-list")).toBeNull();
});

test("running: percent, current step in the live region, step states and durations, ETA", () => {
  // started + step 1 done + step 2 in progress
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(run.slice(0, 7)), connection: { status: "live" } });
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "33");
  expect(screen.getByTestId("progress-percent")).toHaveTextContent("33%");
  const live = screen.getByTestId("progress-live");
  expect(live).toHaveAttribute("aria-live", "polite");
  expect(live).toHaveTextContent("Laying out sections");
  expect(live).toHaveTextContent("Laying out sections…");
  expect(stepStatuses()).toEqual(["completed", "in_progress", "pending"]);
  const [done] = screen.getAllByTestId("step-item");
  expect(within(done!).getByText(/Done · 1\.5 s/)).toBeInTheDocument();
  expect(screen.getByTestId("eta")).toHaveTextContent(/left/);
  expect(screen.getByTestId("cancel-button")).toBeEnabled();
});

test("without live updates (refused) the clock does not run: no ETA, no elapsed", () => {
  renderWithStore(<GenerationProgress />, { generation: foldState(run.slice(0, 7)), connection: { status: "refused" } });
  expect(screen.queryByTestId("eta")).toBeNull();
  expect(screen.getByTestId("elapsed")).toHaveTextContent("Elapsed —");
});

test("completed: 100%, every step done, no owner buttons left", () => {
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(run) });
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Completed");
  expect(screen.getByTestId("elapsed")).toHaveTextContent("4.6 s");
  expect(stepStatuses()).toEqual(["completed", "completed", "completed"]);
  expect(screen.queryByTestId("cancel-button")).toBeNull();
  expect(screen.queryByTestId("retry-button")).toBeNull();
  expect(screen.queryByTestId("eta")).toBeNull();
});

test("failed with retry: the message, the failed step, and a Retry that calls the API", async () => {
  const onRetry = jest.fn(() => Promise.resolve());
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={onRetry} />, { generation: foldState(failedRun()) });
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Failed");
  expect(screen.getByTestId("generation-error")).toHaveTextContent("The model timed out");
  expect(screen.getByTestId("generation-error")).toHaveTextContent("PROVIDER_ERROR");
  expect(stepStatuses()).toEqual(["completed", "failed", "pending"]);
  expect(screen.queryByTestId("cancel-button")).toBeNull();
  await act(async () => fireEvent.click(screen.getByTestId("retry-button")));
  expect(onRetry).toHaveBeenCalledTimes(1);
});

test("failed without retry_available: no Retry button", () => {
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(failedRun("AUTH_FAILED", false)) });
  expect(screen.getByTestId("generation-error")).toBeInTheDocument();
  expect(screen.queryByTestId("retry-button")).toBeNull();
});

test("cancelled: a calm notice in plain words (no red, no raw code), the step says Cancelled, and Retry", () => {
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(failedRun("CANCELLED")) });
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Cancelled");
  const notice = screen.getByTestId("generation-error");
  expect(notice).toHaveTextContent("Cancelled");
  expect(notice).not.toHaveTextContent("CANCELLED");
  expect(notice).toHaveAttribute("role", "status");
  expect(notice.className).not.toMatch(/red/);
  expect(stepStatuses()).toEqual(["completed", "cancelled", "pending"]);
  expect(screen.getAllByTestId("step-item")[1]).toHaveTextContent("Cancelled");
  expect(screen.getByTestId("retry-button")).toBeInTheDocument();
});

test("interrupted by a crash (no step named, total 0): the running step shows Interrupted, elapsed is the measured time", () => {
  const events = successfulRun().slice(0, 7); // step 2 in progress at seq 7
  events.push(
    { type: "generation:error", data: { seq: 8, session_id: SESSION, timestamp: "2026-01-01T12:05:00.000Z", error_code: "INTERRUPTED", error_message: "The server is restarting; retry to continue", retry_available: true } },
    { type: "generation:completed", data: { seq: 9, session_id: SESSION, timestamp: "2026-01-01T12:05:00.000Z", status: "failed", total_time: 0, files_generated: 0, final_url: "" } },
  );
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(events) });
  expect(stepStatuses()).toEqual(["completed", "interrupted", "pending"]);
  const interrupted = screen.getAllByTestId("step-item")[1]!;
  expect(interrupted).toHaveTextContent("Interrupted");
  expect(interrupted.querySelector(".animate-pulse")).toBeNull();
  // Started at :01, last event before the stop at :08 (the downtime after it is not counted).
  expect(screen.getByTestId("elapsed")).toHaveTextContent("Elapsed 6.0 s");
  expect(screen.getByTestId("generation-error")).toHaveTextContent("The server stopped while this was running");
  expect(screen.getByTestId("generation-error")).not.toHaveTextContent("restarting");
});

test("while the connection is lost the status says so and the clocks pause; live again clears it", () => {
  const { store } = renderWithStore(<GenerationProgress />, { generation: foldState(run.slice(0, 7)), connection: { status: "live" } });
  expect(screen.getByTestId("eta")).toBeInTheDocument();
  act(() => store.getState().setConnection({ status: "reconnecting", attempt: 1, nextRetryAt: Date.now() + 1000 }));
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Connection lost");
  expect(screen.getByTestId("generation-progress")).toHaveAttribute("data-connection-lost", "true");
  expect(screen.queryByTestId("eta")).toBeNull();
  expect(screen.getByTestId("eta-paused")).toBeInTheDocument();
  expect(screen.getByTestId("connection-lost-note")).toBeInTheDocument();
  act(() => store.getState().setConnection({ status: "live", attempt: 0, nextRetryAt: null }));
  expect(screen.getByTestId("generation-status")).toHaveTextContent("Generating");
  expect(screen.queryByTestId("connection-lost-note")).toBeNull();
  expect(screen.getByTestId("eta")).toBeInTheDocument();
});

test("a refused action shows the API's message", async () => {
  const onCancel = jest.fn(() => Promise.reject(new ApiError("CONFLICT", "This generation is not running or queued", 409)));
  renderWithStore(<GenerationProgress onCancel={onCancel} onRetry={noop} />, { generation: foldState(run.slice(0, 3)) });
  await act(async () => fireEvent.click(screen.getByTestId("cancel-button")));
  expect(await screen.findByTestId("action-error")).toHaveTextContent("not running or queued");
});

test("viewer: sees progress and errors but never Cancel or Retry", () => {
  const { unmount } = renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(run.slice(0, 7)), role: "viewer" });
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "33");
  expect(screen.queryByTestId("cancel-button")).toBeNull();
  unmount();
  renderWithStore(<GenerationProgress onCancel={noop} onRetry={noop} />, { generation: foldState(failedRun()), role: "viewer" });
  expect(screen.getByTestId("generation-error")).toBeInTheDocument();
  expect(screen.queryByTestId("retry-button")).toBeNull();
});

test("live events update the rendered progress through the store", () => {
  const { store } = renderWithStore(<GenerationProgress />, { generation: initialState() });
  act(() => {
    for (const event of run.slice(0, 5)) store.getState().receiveEvent(event);
  });
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "33");
  act(() => {
    store.getState().receiveEvent(run[2]!); // duplicate: nothing changes
  });
  expect(stepStatuses()).toEqual(["completed", "pending", "pending"]);
});

describe("ConnectionStatus", () => {
  const cases = [
    [{ status: "live" as const }, "Live"],
    [{ status: "reconnecting" as const, attempt: 3, nextRetryAt: null }, "Reconnecting · attempt 3…"],
    [{ status: "offline" as const }, "Offline"],
    [{ status: "refused" as const, error: { code: "UNAUTHORIZED", message: "bad token" } }, "Access refused"],
  ] as const;
  test.each(cases)("%o → %s", (connection, text) => {
    renderWithStore(<ConnectionStatus onReconnect={() => undefined} />, { generation: initialState(), connection });
    expect(screen.getByTestId("connection-status")).toHaveTextContent(text);
    expect(screen.getByTestId("connection-status")).toHaveAttribute("data-status", connection.status);
  });

  test("Reconnecting offers Retry now, which reconnects at once", () => {
    const onReconnect = jest.fn();
    renderWithStore(<ConnectionStatus onReconnect={onReconnect} />, { generation: initialState(), connection: { status: "reconnecting", attempt: 4, nextRetryAt: Date.now() + 4_000 } });
    fireEvent.click(screen.getByTestId("reconnect-now"));
    expect(screen.getByTestId("reconnect-now")).toHaveTextContent("Retry now");
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });

  test("reconnecting shows the seconds until the next attempt", () => {
    renderWithStore(<ConnectionStatus />, { generation: initialState(), connection: { status: "reconnecting", attempt: 2, nextRetryAt: Date.now() + 4_000 } });
    expect(screen.getByTestId("connection-status")).toHaveTextContent(/Reconnecting · attempt 2 in [34] s/);
  });
});

test("an edit that was not applied is said in plain words, not as a failure", () => {
  expect(plainError("NOT_APPLIED", "Not applied: I could not match “x”. This site can take edits like “undo”.")).toEqual({
    title: "Not applied",
    detail: "I could not match “x”. This site can take edits like “undo”.",
    tone: "neutral",
  });
});

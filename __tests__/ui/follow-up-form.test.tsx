import { act, fireEvent, screen } from "@testing-library/react";
import { FollowUpForm } from "@/components/workspace/follow-up-form";
import { readStoredSession } from "@/lib/client/session-storage";
import { failedRun, foldState, initialState, PROJECT, successfulRun } from "./fixtures";
import { renderWithStore } from "./render-helpers";

const push = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const run = successfulRun();
const created = {
  sessionId: "sess_follow_up",
  projectId: PROJECT,
  token: "tok_new_owner",
  viewerToken: "tok_new_viewer",
  projectToken: "tok_project",
  status: "queued",
  links: { workspace: "/g/sess_follow_up", preview: "/preview/sess_follow_up", api: "/api/generations/sess_follow_up" },
};
let fetchMock: jest.Mock;

function answer(status: number, body: unknown) {
  fetchMock.mockResolvedValueOnce({ ok: status < 400, status, json: async () => body });
}

beforeEach(() => {
  push.mockReset();
  window.localStorage.clear();
  fetchMock = jest.fn();
  global.fetch = fetchMock as unknown as typeof fetch;
});

async function submit(prompt: string) {
  fireEvent.change(screen.getByTestId("follow-up-input"), { target: { value: prompt } });
  await act(async () => {
    fireEvent.click(screen.getByTestId("follow-up-submit"));
  });
}

test("hidden while the generation runs, for viewers, and without a project token", () => {
  const { unmount } = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run.slice(0, 7)) });
  expect(screen.queryByTestId("follow-up")).toBeNull();
  unmount();
  const queued = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: initialState() });
  expect(screen.queryByTestId("follow-up")).toBeNull();
  queued.unmount();
  const viewer = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run), role: "viewer" });
  expect(screen.queryByTestId("follow-up")).toBeNull();
  viewer.unmount();
  renderWithStore(<FollowUpForm projectToken={null} />, { generation: foldState(run) });
  expect(screen.queryByTestId("follow-up")).toBeNull();
});

test("shown once finished: completed, or stopped with a preview, but not stopped before any preview", () => {
  const completed = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run) });
  expect(screen.getByTestId("follow-up")).toBeInTheDocument();
  completed.unmount();
  const cancelled = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(failedRun("CANCELLED")) });
  expect(screen.getByTestId("follow-up")).toBeInTheDocument();
  cancelled.unmount();
  // Failed in step 1, before the first preview: there is nothing to edit.
  const early = [...run.slice(0, 3), { type: "generation:error" as const, data: { seq: 4, session_id: run[0]!.data.session_id, timestamp: run[3]!.data.timestamp, error_code: "PROVIDER_ERROR" as const, error_message: "down", retry_available: true } }];
  renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(early) });
  expect(screen.queryByTestId("follow-up")).toBeNull();
});

test("appears the moment the run completes", () => {
  const { store } = renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run.slice(0, -1)) });
  expect(screen.queryByTestId("follow-up")).toBeNull();
  act(() => {
    store.getState().receiveEvent(run.at(-1)!);
  });
  expect(screen.getByTestId("follow-up")).toBeInTheDocument();
});

test("posts { prompt, projectId } with the project token, stores the new tokens and hands the new turn to the page", async () => {
  answer(202, created);
  const onStarted = jest.fn();
  renderWithStore(<FollowUpForm projectToken="tok_project" onStarted={onStarted} />, { generation: foldState(run) });
  await submit("  add a pricing section ");
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
  expect(url).toBe("/api/generations");
  expect(init.method).toBe("POST");
  expect(init.headers.authorization).toBe("Bearer tok_project");
  expect(init.headers["content-type"]).toBe("application/json");
  expect(JSON.parse(init.body as string)).toEqual({ prompt: "add a pricing section", projectId: PROJECT });
  expect(readStoredSession("sess_follow_up")).toMatchObject({
    sessionId: "sess_follow_up", projectId: PROJECT, prompt: "add a pricing section",
    token: "tok_new_owner", viewerToken: "tok_new_viewer", projectToken: "tok_project",
  });
  // The project page keeps the conversation on screen: no navigation, the box is ready again.
  expect(onStarted).toHaveBeenCalledWith(created);
  expect(push).not.toHaveBeenCalled();
  expect(screen.getByTestId("follow-up-input")).toHaveValue("");
});

test("an example fills the box; an empty box cannot be submitted", async () => {
  renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run) });
  expect(screen.getByTestId("follow-up-submit")).toBeDisabled();
  fireEvent.click(screen.getAllByTestId("follow-up-example")[1]!);
  expect(screen.getByTestId("follow-up-input")).toHaveValue("Add a pricing section");
  expect(screen.getByTestId("follow-up-submit")).toBeEnabled();
  await submit("   ");
  expect(fetchMock).not.toHaveBeenCalled();
});

test("a server error is shown with its message and code, and nothing is stored or opened", async () => {
  answer(401, { error: { code: "UNAUTHORIZED", message: "This token does not grant access to this project" } });
  renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run) });
  await submit("make the header dark");
  const error = screen.getByTestId("follow-up-error");
  expect(error).toHaveAttribute("role", "alert");
  expect(error).toHaveTextContent("This token does not grant access to this project");
  expect(error).toHaveTextContent("UNAUTHORIZED");
  expect(push).not.toHaveBeenCalled();
  expect(window.localStorage.length).toBe(0);
  expect(screen.getByTestId("follow-up-submit")).toBeEnabled();
});

test("validation details and malformed answers are reported too", async () => {
  answer(400, { error: { code: "VALIDATION_ERROR", message: "Invalid request body", details: [{ message: "prompt must not be empty" }] } });
  renderWithStore(<FollowUpForm projectToken="tok_project" />, { generation: foldState(run) });
  await submit("rename to Golden Crust");
  expect(screen.getByTestId("follow-up-error")).toHaveTextContent("prompt must not be empty");
  answer(202, { ...created, token: undefined });
  await submit("rename to Golden Crust");
  expect(screen.getByTestId("follow-up-error")).toHaveTextContent("BAD_RESPONSE");
  expect(push).not.toHaveBeenCalled();
});

test("on the project page the box stays during a run and queues the prompt on the server", async () => {
  const onQueued = jest.fn();
  const onStarted = jest.fn();
  renderWithStore(<FollowUpForm projectToken="tok_project" onQueued={onQueued} onStarted={onStarted} />, { generation: foldState(run.slice(0, 7)) });
  expect(screen.getByTestId("follow-up")).toHaveAttribute("data-queues", "true");
  expect(screen.getByTestId("follow-up-submit")).toHaveTextContent("Queue");
  const item = { id: "q_1", prompt: "add a gallery", position: 1, createdAt: "2026-01-01T00:00:00.000Z" };
  answer(201, { projectId: PROJECT, item, startedSessionId: null });
  await submit(" add a gallery ");
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
  expect(url).toBe(`/api/projects/${PROJECT}/queue`);
  expect(init.headers.authorization).toBe("Bearer tok_project");
  expect(JSON.parse(init.body as string)).toEqual({ prompt: "add a gallery" });
  expect(onQueued).toHaveBeenCalledWith({ projectId: PROJECT, item, startedSessionId: null });
  expect(onStarted).not.toHaveBeenCalled();
  // Nothing to remember: a queued prompt has no session (yet), and the box is ready for the next one.
  expect(window.localStorage.length).toBe(0);
  expect(screen.getByTestId("follow-up-input")).toHaveValue("");
});

test("with prompts waiting, a new prompt goes behind them even when nothing runs", () => {
  renderWithStore(<FollowUpForm projectToken="tok_project" onQueued={jest.fn()} queueWaiting />, { generation: foldState(run) });
  expect(screen.getByTestId("follow-up-submit")).toHaveTextContent("Queue");
});

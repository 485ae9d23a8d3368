import { createGenerationResponseSchema, type ProjectTurnNotice } from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson, recordProjectNotices } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(90_000);

/*
 * Issue 11, the live thread: a project page open elsewhere (the owner's second tab, a read-only
 * share of the project) learns of a new turn and of a turn's run starting and ending through
 * `project:turn` notices on its socket. A one-generation watch link must not: it may see that
 * generation only, not what the project does next.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { GENERATION_ENGINE: "template", TEMPLATE_STEP_MS: "20", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

/** A socket on a session that also records its `project:turn` notices. */
function watch(sessionId: string, token: string) {
  const recorder = connectRecorder(server.url, { sessionId, token });
  return { recorder, ...recordProjectNotices(recorder.socket) };
}

test("owner and project-share sockets get project:turn notices for a follow-up; a watch link's socket gets none", async () => {
  const first = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  expect(first.projectViewerToken).toBeDefined();
  const owner = watch(first.sessionId, first.token);
  const share = watch(first.sessionId, first.projectViewerToken!);
  const watchLink = watch(first.sessionId, first.viewerToken);
  // Each has replayed the finished first turn, so each has joined whatever rooms it may join.
  await Promise.all([owner, share, watchLink].map((w) => w.recorder.waitFor(isTerminal)));

  const edit = await postJson(`${server.url}/api/generations`, { prompt: "add a pricing section", projectId: first.projectId }, bearer(first.projectToken));
  expect(edit.status).toBe(202);
  const second = createGenerationResponseSchema.parse(edit.json);

  const ofSecond = (notices: ProjectTurnNotice[]) => notices.filter((n) => n.session_id === second.sessionId);
  // "started" when the turn is created; "updated" when its run starts and again when it ends.
  const complete = (notices: ProjectTurnNotice[]) =>
    ofSecond(notices).some((n) => n.change === "started") && ofSecond(notices).filter((n) => n.change === "updated").length >= 2;
  await owner.waitFor(complete, "the owner's notices");
  await share.waitFor(complete, "the share's notices");
  for (const w of [owner, share]) {
    expect(w.malformed).toEqual([]);
    expect(w.notices.every((n) => n.project_id === first.projectId)).toBe(true);
  }

  // The watch link's socket: a round trip after the others had every notice. Notices and acks
  // share the socket's one ordered transport, so any notice sent to it would have arrived first.
  await watchLink.recorder.socket.timeout(10_000).emitWithAck("get_stats");
  expect(watchLink.notices).toEqual([]);
  expect(watchLink.recorder.names).not.toContain("project:turn");
  for (const w of [owner, share, watchLink]) w.recorder.socket.close();
});

test("notices stay in their project: a new turn is announced only to its project, another project's follow-up reaches only its own", async () => {
  const first = await createGeneration(server.url, "A tea room called Steep");
  const owner = watch(first.sessionId, first.token);
  await owner.recorder.waitFor(isTerminal);

  const other = await createGeneration(server.url, "A bike shop called Spoke");
  const otherOwner = watch(other.sessionId, other.token);
  await otherOwner.recorder.waitFor(isTerminal);
  const edit = await postJson(`${server.url}/api/generations`, { prompt: "add a repairs section", projectId: other.projectId }, bearer(other.projectToken));
  expect(edit.status).toBe(202);
  const otherTurn = createGenerationResponseSchema.parse(edit.json);
  await otherOwner.waitFor((notices) => notices.filter((n) => n.session_id === otherTurn.sessionId && n.change === "updated").length >= 2, "the other project's notices");

  // Everything the other project announced was sent before this round trip's answer.
  await owner.recorder.socket.timeout(10_000).emitWithAck("get_stats");
  expect(owner.notices.filter((n) => n.project_id !== first.projectId)).toEqual([]);
  // Its own project had no follow-up: at most its first run's start and end (if the socket joined in time).
  expect(owner.notices.every((n) => n.session_id === first.sessionId && n.change === "updated")).toBe(true);
  otherOwner.recorder.socket.close();
  owner.recorder.socket.close();
});

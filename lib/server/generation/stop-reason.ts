/** The codes a run stopped from outside ends with. */
export type StopCode = "CANCELLED" | "INTERRUPTED";

/** Every public message of a stopped run, in one place. */
export const stopMessages = {
  cancelled: "Generation cancelled",
  shuttingDown: "The server is restarting; retry to continue",
  restarted: "The server restarted while this generation was running",
  workerLost: "The worker running this generation stopped; retry to continue",
} as const;

const defaultMessage: Record<StopCode, string> = { CANCELLED: stopMessages.cancelled, INTERRUPTED: stopMessages.shuttingDown };

/** Why a run was stopped from outside (the abort reason): a user's cancel or a server shutdown. */
export class StopReason extends Error {
  constructor(
    readonly code: StopCode,
    message: string = defaultMessage[code],
  ) {
    super(message);
    this.name = "StopReason";
  }
}

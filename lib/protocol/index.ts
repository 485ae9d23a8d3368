export * from "./common";
export * from "./errors";
export * from "./events";
export * from "./http";
export * from "./socket";
export * from "./session-state";
export * from "./preview-delta";
export * from "./preview-frame";

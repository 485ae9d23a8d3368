import type { Logger } from "../logger";
import { CLIENT_IP_HEADER } from "../security/client-ip";
import { getServices, type Services } from "../services-registry";
import { AppError, toAppError, toErrorResponse } from "./app-error";

/** Set by the custom server on every request and echoed in the response. */
export const REQUEST_ID_HEADER = "x-request-id";

type Params = Record<string, string | string[] | undefined>;
type Context<P extends Params> = { params: Promise<P> };

export interface RouteInput<P> {
  request: Request;
  params: P;
  services: Services;
  /** Logger bound to this request's id (and session id when the route has one). */
  log: Logger;
  /** The client's IP as resolved by the custom server. */
  ip: string;
}

/**
 * Wraps a route handler: gives it the services and a request-scoped logger, turns every thrown
 * value into the JSON error body, and logs unexpected failures (server-side only).
 */
export function handleRoute<P extends Params = Params>(handler: (input: RouteInput<P>) => Promise<Response> | Response) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    let services: Services | undefined;
    let log: Logger | undefined;
    try {
      services = getServices();
      const params = ((await context?.params) ?? {}) as P;
      log = services.logger.child({
        requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined,
        ...(typeof params.sessionId === "string" ? { sessionId: params.sessionId } : {}),
      });
      const ip = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
      return await handler({ request, params, services, log, ip });
    } catch (error) {
      const response = toErrorResponse(error);
      services?.metrics.errors.inc({ code: toAppError(error)?.code ?? "INTERNAL" });
      if (response.status >= 500) (log ?? services?.logger)?.error({ err: error, url: request.url }, "request failed");
      return response;
    }
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The handler a route exports for the methods it does not serve: a JSON 405 with `Allow` (left to
 * itself, Next answers those with an empty 405, and every error here is JSON).
 */
export function refuseMethod(allowed: Method[]) {
  return handleRoute(() => {
    throw new AppError("METHOD_NOT_ALLOWED", `This URL answers ${allowed.join(" and ")} only`, { allowed }, { Allow: allowed.join(", ") });
  });
}

import { randomUUID } from "node:crypto";
import pino from "pino";

/** Structured logs: one JSON object per line on stdout, for `docker logs` or any collector. */
export const log = pino({ level: process.env.LOG_LEVEL || "info", base: { app: "stacks" }, timestamp: pino.stdTimeFunctions.isoTime });

export type Logger = typeof log;

/** A logger carrying the request's id: the one scripts/serve.mjs gave it, or a new one. */
export function requestLog(request: Request): Logger {
  return log.child({ requestId: request.headers.get("x-request-id") || randomUUID() });
}

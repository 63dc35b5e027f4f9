import { mayActAs, STAFF_ROLES } from "./auth.config";
import { isDomainError } from "./errors";
import { getCurrentUser, type SessionUser } from "./session";

/** JSON route handlers: the staff member, or the 401/403 answer to send instead. */
export async function staffOrResponse(): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!mayActAs(user, STAFF_ROLES)) return Response.json({ error: "Staff only." }, { status: 403 });
  return user;
}

/** A domain refusal as JSON with its status; anything else is a bug and rethrown. */
export function errorResponse(e: unknown): Response {
  if (isDomainError(e)) return Response.json({ error: e.message, reason: e.reason, fields: e.fields }, { status: e.status });
  throw e;
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

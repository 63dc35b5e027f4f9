// What Next throws to end a request early, as a test sees it: redirect() and forbidden().

/** Where a `redirect()` thrown by Next sends the caller, or null for any other outcome. */
export function redirectTarget(e: unknown): string | null {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";")[2] ?? null;
}

/** The digest of Next's `forbidden()`, what requireRole throws for an account without the role. */
export const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";

/** Whether `e` is the refusal `forbidden()` throws. */
export function isForbidden(e: unknown): boolean {
  return (e as { digest?: unknown } | null)?.digest === FORBIDDEN_DIGEST;
}

/**
 * A same-site path to return to after signing in; anything else goes home. The proxy sends a
 * full URL (`http://host/account`): only its path is kept, so no value can lead off the site.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  const path = /^https?:\/\//i.test(value) ? pathOf(value) : value;
  if (path === null || !path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return fallback;
  return path;
}

function pathOf(url: string): string | null {
  try {
    const { pathname, search, hash } = new URL(url);
    return pathname + search + hash;
  } catch {
    return null;
  }
}

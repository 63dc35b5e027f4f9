/**
 * Whether a request's If-None-Match names `etag` (a strong ETag, quoted): a list of tags, "*",
 * and weak forms of the same tag all match, as RFC 9110 compares them for a GET.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

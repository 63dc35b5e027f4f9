import { createHmac, timingSafeEqual } from "node:crypto";

// A patron's calendar address is `<patron id>-<version>-<signature>`: the signature is an HMAC
// of the id and version under the server's secret, so nothing secret is stored, the page can
// show the address whenever the patron asks, and bumping the version ("make a new link") makes
// every older address fail. Calendar apps cannot sign in, so the address is the credential.

const NAME = /^([1-9][0-9]{0,9})-([0-9]{1,10})-([A-Za-z0-9_-]{43})$/;

function signature(patronId: number, version: number, secret: string): string {
  return createHmac("sha256", secret).update(`stacks-calendar:${patronId}:${version}`).digest("base64url");
}

export function calendarFeedName(patronId: number, version: number, secret: string): string {
  return `${patronId}-${version}-${signature(patronId, version, secret)}`;
}

/** The patron and version a feed name was signed for, or null when it is not one of ours. */
export function readCalendarFeedName(name: string, secret: string): { patronId: number; version: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const patronId = Number(match[1]);
  const version = Number(match[2]);
  const expected = Buffer.from(signature(patronId, version, secret));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { patronId, version } : null;
}

/** The secret the addresses are signed with: the one that signs sessions. */
export function calendarSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: calendar addresses cannot be signed.");
  return secret;
}

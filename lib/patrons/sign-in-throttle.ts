// Attempts are counted per key over fixed windows; each attempt is counted BEFORE the password
// is verified (storage and the one atomic statement in throttle-counter.ts). Pure rules here.
//
// - pair (account, address): a hard limit. Only the one address guessing is shut out, so an
//   attacker who knows an email cannot keep its owner out.
// - address: a hard limit over all accounts, high enough for a library behind one NAT address.
// - account: never a lock, only a growing delay (bounded), so guesses spread over many
//   addresses are slowed down while the owner can still sign in.
// - register (per address), passwordChange (per account), passwordReset (per staff member):
//   hard limits on what costs an argon2 hash or gives out a password.
// - resetRequest (per address): a hard limit on "forgot password" requests; resetEmail (per
//   account): past it no further link is sent, silently (the answer is the same), and the links
//   already sent still work, so nobody can keep the owner from resetting for good.
// - emailChange (per account): links sent to a new address.
// - apiKey, apiAddress: the REST API's rate limits, hard, over short windows.
export const THROTTLE = {
  pair: { limit: 5, windowMinutes: 15 },
  address: { limit: 100, windowMinutes: 15 },
  account: { windowMinutes: 15, freeFailures: 3, firstDelayMs: 250, maxDelayMs: 4_000 },
  register: { limit: 10, windowMinutes: 60 },
  passwordChange: { limit: 5, windowMinutes: 15 },
  passwordReset: { limit: 30, windowMinutes: 60 },
  resetRequest: { limit: 10, windowMinutes: 60 },
  resetEmail: { limit: 3, windowMinutes: 60 },
  emailChange: { limit: 5, windowMinutes: 60 },
  // The REST API: per key, and per address for calls without one (public catalogue reads).
  apiKey: { limit: 600, windowMinutes: 1 },
  apiAddress: { limit: 120, windowMinutes: 1 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE;

/** The counter's key and the end of its window: fixed windows, numbered from the epoch. */
export function throttleWindow(kind: ThrottleKind, subject: string, at: Date): { key: string; expiresAt: Date } {
  const length = THROTTLE[kind].windowMinutes * 60_000;
  const index = Math.floor(at.getTime() / length);
  return { key: `${kind}:${subject}:${index}`, expiresAt: new Date((index + 1) * length) };
}

/** True when the attempt that brought the counter to `hits` is over the limit. */
export function overLimit(kind: Exclude<ThrottleKind, "account">, hits: number): boolean {
  return hits > THROTTLE[kind].limit;
}

/** The wait before verifying a password, from the account's attempts in the window (this one included). */
export function accountDelayMs(hits: number): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = THROTTLE.account;
  const over = hits - 1 - freeFailures;
  if (over <= 0) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (over - 1));
}

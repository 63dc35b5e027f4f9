// Failed sign-ins are counted per account and per address over a window; past the limit the key
// is locked for a while. Pure rules here, storage in authenticate.ts.
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountLimit: 5,
  addressLimit: 30,
} as const;

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | null, at: Date): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil > at);
}

/** The state after one more failure at `at`. */
export function afterFailure(state: ThrottleState | null, at: Date, limit: number): ThrottleState {
  const windowOpen = state && at.getTime() - state.windowStart.getTime() < THROTTLE.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : at;
  const lockedUntil = failures >= limit ? new Date(at.getTime() + THROTTLE.lockMinutes * 60_000) : null;
  return { failures, windowStart, lockedUntil };
}

import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, THROTTLE, type ThrottleState } from "@/lib/patrons/sign-in-throttle";

const start = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function failTimes(times: Date[], limit: number): ThrottleState | null {
  return times.reduce<ThrottleState | null>((state, at) => afterFailure(state, at, limit), null);
}

describe("afterFailure", () => {
  it("opens a window at the first failure", () => {
    expect(afterFailure(null, start, 5)).toEqual({ failures: 1, windowStart: start, lockedUntil: null });
  });

  it("counts failures inside the window and locks at the limit for the lock period", () => {
    const four = failTimes([0, 1, 2, 3].map(minutes), 5);
    expect(four).toMatchObject({ failures: 4, windowStart: start, lockedUntil: null });
    const fifth = afterFailure(four, minutes(4), 5);
    expect(fifth.failures).toBe(5);
    expect(fifth.lockedUntil).toEqual(minutes(4 + THROTTLE.lockMinutes));
  });

  it("starts counting again once the window has passed", () => {
    const four = failTimes([0, 1, 2, 3].map(minutes), 5);
    const late = afterFailure(four, minutes(THROTTLE.windowMinutes), 5);
    expect(late).toEqual({ failures: 1, windowStart: minutes(THROTTLE.windowMinutes), lockedUntil: null });
  });

  it("uses the limit it is given, so an address may fail more often than an account", () => {
    const attempts = Array.from({ length: THROTTLE.accountLimit }, (_, i) => minutes(i / 10));
    expect(failTimes(attempts, THROTTLE.accountLimit)?.lockedUntil).not.toBeNull();
    expect(failTimes(attempts, THROTTLE.addressLimit)?.lockedUntil).toBeNull();
  });
});

describe("isLocked", () => {
  it("is locked until the lock ends, and not at or after that moment", () => {
    const locked: ThrottleState = { failures: 5, windowStart: start, lockedUntil: minutes(15) };
    expect(isLocked(locked, minutes(14))).toBe(true);
    expect(isLocked(locked, minutes(15))).toBe(false);
    expect(isLocked(locked, minutes(16))).toBe(false);
  });

  it("is not locked without a state or a lock", () => {
    expect(isLocked(null, start)).toBe(false);
    expect(isLocked({ failures: 3, windowStart: start, lockedUntil: null }, start)).toBe(false);
  });
});

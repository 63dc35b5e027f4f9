import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/patrons/client-address";
import { accountDelayMs, overLimit, THROTTLE, throttleWindow } from "@/lib/patrons/sign-in-throttle";

describe("throttle windows", () => {
  it("keeps one counter per key and fixed window, ending at the window's end", () => {
    const a = throttleWindow("pair", "user:1|1.2.3.4", new Date("2026-03-02T09:01:00Z"));
    const b = throttleWindow("pair", "user:1|1.2.3.4", new Date("2026-03-02T09:14:59Z"));
    const c = throttleWindow("pair", "user:1|1.2.3.4", new Date("2026-03-02T09:15:00Z"));
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(a.key);
    expect(a.expiresAt).toEqual(new Date("2026-03-02T09:15:00Z"));
    expect(throttleWindow("address", "1.2.3.4", new Date("2026-03-02T09:01:00Z")).key).not.toBe(a.key);
  });

  it("refuses the attempt after the limit, not at it", () => {
    expect(overLimit("pair", THROTTLE.pair.limit)).toBe(false);
    expect(overLimit("pair", THROTTLE.pair.limit + 1)).toBe(true);
  });

  it("delays an account's guesses more and more, never beyond a few seconds", () => {
    const free = THROTTLE.account.freeFailures;
    expect(accountDelayMs(1)).toBe(0);
    expect(accountDelayMs(free + 1)).toBe(0);
    expect(accountDelayMs(free + 2)).toBe(THROTTLE.account.firstDelayMs);
    expect(accountDelayMs(free + 3)).toBe(2 * THROTTLE.account.firstDelayMs);
    expect(accountDelayMs(10_000)).toBe(THROTTLE.account.maxDelayMs);
    expect(THROTTLE.account.maxDelayMs).toBeLessThanOrEqual(5_000);
  });
});

describe("clientAddress", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

  it("without trusted proxies, believes only the rightmost entry (the one Next.js writes from the socket)", () => {
    expect(clientAddress(headers("198.51.100.7"), undefined)).toBe("198.51.100.7");
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7"), undefined)).toBe("198.51.100.7");
    expect(clientAddress(headers(), undefined)).toBe("unknown");
  });

  it("with a hop count, skips the proxies' own entries and ignores what the client forged before them", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5"), "1")).toBe("203.0.113.5");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5, 10.0.0.2"), "2")).toBe("203.0.113.5");
    expect(clientAddress(headers("203.0.113.5"), "3")).toBe("203.0.113.5");
  });

  it("with an address list, takes the rightmost address that is not a trusted proxy", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5, 10.0.0.2"), "10.0.0.2, 10.0.0.3")).toBe("203.0.113.5");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5, ::ffff:10.0.0.2"), "10.0.0.2")).toBe("203.0.113.5");
  });

  it("treats one address written two ways as one", () => {
    expect(clientAddress(headers("::FFFF:198.51.100.7"), undefined)).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7:51234"), undefined)).toBe("198.51.100.7");
    expect(clientAddress(headers("[2001:db8::1]:443"), undefined)).toBe("2001:db8::1");
  });
});

import { describe, expect, it } from "vitest";
import { etagMatches } from "@/lib/http/etag";

describe("etagMatches", () => {
  const etag = '"abc123"';

  it("matches the tag alone, in a list, weak, or as *", () => {
    expect(etagMatches('"abc123"', etag)).toBe(true);
    expect(etagMatches('"old", "abc123"', etag)).toBe(true);
    expect(etagMatches('W/"abc123"', etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
  });

  it("does not match another tag, an unquoted one, or no header", () => {
    expect(etagMatches('"abc1234"', etag)).toBe(false);
    expect(etagMatches("abc123", etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
    expect(etagMatches("", etag)).toBe(false);
  });
});

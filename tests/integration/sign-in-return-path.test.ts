import { redirectTarget } from "../support/next-interrupts";
import { inRequest, TEST_ORIGIN } from "../support/request-scope";
import { beforeEach, describe, expect, it } from "vitest";
import SignInPage from "@/app/(auth)/sign-in/page";
import { makeUser, resetDatabase } from "../support/database";

// A signed-in patron following a link to the sign-in page is sent on to its return path at
// once: a link made by another site must not take them there.
async function whereSignInSends(callbackUrl: string): Promise<string> {
  const patron = await makeUser();
  try {
    await inRequest(patron, () => SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }), "/sign-in");
  } catch (e) {
    const target = redirectTarget(e);
    if (target !== null) return target;
    throw e;
  }
  throw new Error("the sign-in page did not redirect a signed-in patron");
}

beforeEach(resetDatabase);

describe("the sign-in page, signed in", () => {
  it.each(["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/", "/\n/evil.example"])("stays on the site for %j", async (callbackUrl) => {
    const target = await whereSignInSends(callbackUrl);
    // Where the browser goes: the Location header resolved as browsers do (tabs dropped, "\" as "/").
    expect(new URL(target, TEST_ORIGIN).origin).toBe(TEST_ORIGIN);
  });

  it("still returns to a path on the site", async () => {
    expect(await whereSignInSends("/account/loans?tab=1")).toBe("/account/loans?tab=1");
  });
});

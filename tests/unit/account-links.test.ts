import { describe, expect, it } from "vitest";
import { SECRET_LINK, passwordResetMessage, withSecretLink } from "@/lib/notifications/templates";
import { hashToken } from "@/lib/patrons/account-tokens";
import { librarySettingsSchema } from "@/lib/policies/schemas";

const library = { name: "Town Library", timeZone: "UTC", appUrl: "https://library.example" };

describe("emailed links", () => {
  it("the stored email holds only the placeholder; the link goes in when sent, escaped in HTML", () => {
    const message = passwordResetMessage(library);
    expect(message.text).toContain(SECRET_LINK);
    expect(message.html).toContain(SECRET_LINK);
    const link = "https://library.example/reset-password?token=abc&x=<y>";
    expect(withSecretLink(message.text, link, false)).toContain(link);
    const html = withSecretLink(message.html, link, true);
    expect(html).toContain("token=abc&amp;x=&lt;y&gt;");
    expect(html).not.toContain(SECRET_LINK);
  });

  it("stores a token as its SHA-256, never as itself", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("the anonymisation setting", () => {
  const form = { name: "L", timeZone: "UTC", currency: "EUR", dailyJobTime: "06:00" };
  it("is off when blank or absent, a whole number of days otherwise", () => {
    expect(librarySettingsSchema.parse({ ...form, anonymiseLoansAfterDays: "" }).anonymiseLoansAfterDays).toBeNull();
    expect(librarySettingsSchema.parse(form).anonymiseLoansAfterDays).toBeNull();
    expect(librarySettingsSchema.parse({ ...form, anonymiseLoansAfterDays: " 30 " }).anonymiseLoansAfterDays).toBe(30);
    for (const bad of ["0", "2.5", "thirty"]) expect(librarySettingsSchema.safeParse({ ...form, anonymiseLoansAfterDays: bad }).success).toBe(false);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/patrons/authenticate";
import { isValidCardNumber } from "@/lib/patrons/card-number";
import { changePassword } from "@/lib/patrons/change-password";
import { createFirstAdmin } from "@/lib/patrons/create-first-admin";
import { registerPatron } from "@/lib/patrons/register-patron";
import { issueSetupCode } from "@/lib/patrons/setup-code";
import { db } from "@/lib/db";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

describe("accounts", () => {
  it("registers a patron with a valid card number and a hashed password", async () => {
    const patron = await registerPatron({ name: "Ada", email: "ada@example.org", password: "a long password" });
    expect(isValidCardNumber(patron.cardNumber)).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: patron.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.role).toBe("PATRON");
  });

  it("refuses a second account with the same email, with a message on the field", async () => {
    await registerPatron({ name: "Ada", email: "ada@example.org", password: "a long password" });
    await expect(registerPatron({ name: "Ada 2", email: "ada@example.org", password: "another password" })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: expect.stringContaining("already exists") },
    });
  });

  it("signs in by email or by card number, and not with a wrong password", async () => {
    const patron = await makeUser();
    const byEmail = await authenticate({ identifier: patron.email.toUpperCase(), password: "correct horse battery", address: "1.1.1.1" });
    expect(byEmail).toMatchObject({ kind: "ok", user: { id: patron.id } });
    const byCard = await authenticate({ identifier: patron.cardNumber.toLowerCase(), password: "correct horse battery", address: "1.1.1.1" });
    expect(byCard).toMatchObject({ kind: "ok", user: { id: patron.id } });
    expect(await authenticate({ identifier: patron.email, password: "wrong", address: "1.1.1.1" })).toEqual({ kind: "invalid" });
  });

  it("failures spread over many addresses do not lock the owner out of their account", async () => {
    const patron = await makeUser();
    for (let i = 0; i < 6; i++) await authenticate({ identifier: patron.email, password: "wrong", address: `10.0.0.${i}` });
    expect(await authenticate({ identifier: patron.email, password: "correct horse battery", address: "10.0.1.1" })).toMatchObject({ kind: "ok" });
  });

  it("changes a password only when the current one is given", async () => {
    const patron = await makeUser();
    await expect(changePassword({ userId: patron.id, currentPassword: "nope", newPassword: "brand new password" })).rejects.toMatchObject({
      fields: { currentPassword: expect.any(String) },
    });
    await changePassword({ userId: patron.id, currentPassword: "correct horse battery", newPassword: "brand new password" });
    expect(await authenticate({ identifier: patron.email, password: "brand new password", address: "2.2.2.2" })).toMatchObject({ kind: "ok" });
  });

  it("creates the first administrator once", async () => {
    const setupCode = (await issueSetupCode(db))!;
    const admin = await createFirstAdmin({ name: "Head", email: "head@example.org", password: "a long password", setupCode });
    expect(admin.role).toBe("ADMIN");
    await expect(createFirstAdmin({ name: "Other", email: "other@example.org", password: "a long password", setupCode })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

// Next's request scope first: the route modules read it as they load.
import { inRequest, TEST_ORIGIN } from "../support/request-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as catalogueCsv } from "@/app/api/admin/catalogue.csv/route";
import { GET as reportCsv } from "@/app/api/admin/reports/[file]/route";
import { db } from "@/lib/db";
import { recordPayment } from "@/lib/fines/record-payment";
import { blockPatron } from "@/lib/patrons/block-patron";
import { renewCard } from "@/lib/patrons/renew-card";
import { makeUser, resetDatabase } from "../support/database";

// Holes found by reading the security work as a rogue librarian would.
beforeEach(resetDatabase);

describe("staff powers stop where they should", () => {
  it("a blocked librarian downloads no catalogue or report CSV; an active one does", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const exports = () => [
      inRequest(librarian, () => catalogueCsv(new Request(`${TEST_ORIGIN}/api/admin/catalogue.csv`))),
      inRequest(librarian, () => reportCsv(new Request(`${TEST_ORIGIN}/api/admin/reports/most-borrowed.csv`), { params: Promise.resolve({ file: "most-borrowed.csv" }) })),
    ];
    for (const response of await Promise.all(exports())) expect(response.status).toBe(200);
    await blockPatron({ patronId: librarian.id, reason: "suspended", actorId: admin.id });
    for (const response of await Promise.all(exports())) expect(response.status).toBe(403);
  });

  it("a librarian cannot renew a staff account's card, and a blocked one renews none", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const patron = await makeUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(renewCard({ patronId: admin.id, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "STAFF_TARGET" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).expiresAt).toEqual(before.expiresAt);
    await expect(renewCard({ patronId: patron.id, actorId: librarian.id })).resolves.toHaveProperty("expiresAt");
    await expect(renewCard({ patronId: librarian.id, actorId: admin.id })).resolves.toHaveProperty("expiresAt");
    await blockPatron({ patronId: librarian.id, reason: "suspended", actorId: admin.id });
    await expect(renewCard({ patronId: patron.id, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("nobody waives their own fines", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    await db.fine.create({ data: { patronId: librarian.id, kind: "MANUAL", amountCents: 500, description: "Damaged cover", createdAt: new Date() } });
    await expect(recordPayment({ patronId: librarian.id, amountCents: 500, kind: "WAIVER", reason: "mine", actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN", reason: "OWN_FINES" });
    await expect(recordPayment({ patronId: librarian.id, amountCents: 500, kind: "WAIVER", reason: "goodwill", actorId: admin.id })).resolves.toMatchObject({ balanceCents: 0 });
  });
});

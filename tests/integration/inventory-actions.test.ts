import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeUser, resetDatabase } from "../support/database";
import { FORBIDDEN_DIGEST } from "../support/next-interrupts";

// The server actions are called directly, as a forged request would call them, with the
// session Auth.js would return: none (a visitor) or a patron's. Each must send the caller away
// (Next's redirect to sign-in, or forbidden()) before it reads the form or touches the database.
const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const actions = await import("@/app/admin/inventory/actions");

function csvFile(): File {
  return new File(["title,authors\nForged,Nobody\n"], "forged.csv", { type: "text/csv" });
}

/** Every action with a form that would succeed for staff. */
async function calls(): Promise<[string, () => Promise<unknown>][]> {
  const title = await db.title.create({ data: { title: "Kept", sortTitle: "kept" } });
  const copy = await db.copy.create({ data: { titleId: title.id, barcode: "K1" } });
  const form = (values: Record<string, string | File>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    return data;
  };
  const t = String(title.id);
  const c = String(copy.id);
  return [
    ["createTitleAction", () => actions.createTitleAction(null, form({ title: "Forged" }))],
    ["updateTitleAction", () => actions.updateTitleAction(null, form({ titleId: t, title: "Forged" }))],
    ["uploadCoverAction", () => actions.uploadCoverAction(null, form({ titleId: t, cover: new File([new Uint8Array([0xff, 0xd8, 0xff])], "c.jpg") }))],
    ["addCopyAction", () => actions.addCopyAction(null, form({ titleId: t, barcode: "", shelfLocation: "" }))],
    ["updateCopyAction", () => actions.updateCopyAction(null, form({ copyId: c, shelfLocation: "Forged", status: "LOST" }))],
    ["withdrawCopyAction", () => actions.withdrawCopyAction(null, form({ copyId: c }))],
    ["deleteCopyAction", () => actions.deleteCopyAction(null, form({ copyId: c }))],
    ["withdrawTitleAction", () => actions.withdrawTitleAction(null, form({ titleId: t }))],
    ["deleteTitleAction", () => actions.deleteTitleAction(null, form({ titleId: t }))],
    ["previewImportAction", () => actions.previewImportAction(null, form({ file: csvFile() }))],
    ["importCatalogueAction", () => actions.importCatalogueAction(null, form({ file: csvFile() }))],
  ];
}

async function catalogueState() {
  return {
    titles: await db.title.findMany({ select: { title: true, withdrawnAt: true, coverPath: true } }),
    copies: await db.copy.findMany({ select: { barcode: true, status: true, shelfLocation: true } }),
    audit: await db.auditEntry.count(),
  };
}

beforeEach(resetDatabase);

describe("inventory server actions", () => {
  it("send a visitor to sign in and change nothing", async () => {
    session.current = null;
    for (const [name, call] of await calls()) {
      const before = await catalogueState();
      await expect(call(), name).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });
      expect(await catalogueState(), name).toEqual(before);
    }
  });

  it("refuse a patron and change nothing", async () => {
    const patron = await makeUser();
    session.current = { user: { id: String(patron.id) } };
    for (const [name, call] of await calls()) {
      const before = await catalogueState();
      await expect(call(), name).rejects.toMatchObject({ digest: FORBIDDEN_DIGEST });
      expect(await catalogueState(), name).toEqual(before);
    }
  });

  it("let a librarian through", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    session.current = { user: { id: String(librarian.id) } };
    const [, preview] = (await calls()).find(([name]) => name === "previewImportAction")!;
    expect(await preview()).toMatchObject({ ok: true, data: { addCount: 1 } });
  });
});

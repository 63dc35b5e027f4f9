import { inRequest } from "../support/request-scope";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uploadCoverAction } from "@/app/admin/inventory/actions";
import { GET } from "@/app/api/uploads/[...path]/route";
import { COVER_URL_PREFIX, sha256 } from "@/lib/catalogue/cover-storage";
import { deleteTitle } from "@/lib/catalogue/delete-title";
import { setTitleCover } from "@/lib/catalogue/set-title-cover";
import { db } from "@/lib/db";
import { COVER_TOO_LARGE, MAX_COVER_BYTES } from "@/lib/upload-limits";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makeTitle } from "../support/fixtures";

// Covers live in the CoverImage table: uploaded through the real operation, served by the
// route handler with a strong ETag and a 304 for a browser that has them, and gone with the
// title's next cover or the title itself.

const png = (background: string) => sharp({ create: { width: 40, height: 60, channels: 3, background } }).png().toBuffer();

function serve(coverPath: string, headers: Record<string, string> = {}): Promise<Response> {
  const name = coverPath.slice(COVER_URL_PREFIX.length);
  return GET(new Request(`http://localhost:3000${coverPath}`, { headers }), { params: Promise.resolve({ path: ["covers", name] }) });
}

let uploads = "";

beforeAll(() => {
  uploads = mkdtempSync(path.join(tmpdir(), "stacks-covers-"));
  process.env.UPLOADS_DIR = uploads;
});

afterAll(() => {
  delete process.env.UPLOADS_DIR;
});

beforeEach(resetDatabase);

describe("covers in the database", () => {
  it("stores an upload as one row and serves its bytes with a strong ETag, then a 304", async () => {
    const [title, librarian] = await Promise.all([makeTitle(), makeLibrarian()]);
    const { coverPath } = await setTitleCover({ titleId: title.id, bytes: await png("#17563f"), actorId: librarian.id });

    expect((await db.title.findUniqueOrThrow({ where: { id: title.id } })).coverPath).toBe(coverPath);
    const rows = await db.coverImage.findMany({ where: { titleId: title.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ contentType: "image/webp", size: row.bytes.length, sha256: sha256(row.bytes) });
    expect(coverPath).toBe(`${COVER_URL_PREFIX}${title.id}-${row.sha256.slice(0, 16)}.webp`);

    const res = await serve(coverPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("etag")).toBe(`"${row.sha256}"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const served = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.compare(served, row.bytes)).toBe(0);
    expect((await sharp(served).metadata()).format).toBe("webp");

    const again = await serve(coverPath, { "if-none-match": `"stale", ${res.headers.get("etag")}` });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(`"${row.sha256}"`);
    expect(await again.text()).toBe("");

    expect((await serve(coverPath, { "if-none-match": '"stale"' })).status).toBe(200);
  });

  it("replaces a cover in the same step: the old row is deleted and its address answers 404", async () => {
    const [title, librarian] = await Promise.all([makeTitle(), makeLibrarian()]);
    const first = await setTitleCover({ titleId: title.id, bytes: await png("#17563f"), actorId: librarian.id });
    const second = await setTitleCover({ titleId: title.id, bytes: await png("#7a1f1f"), actorId: librarian.id });
    const same = await setTitleCover({ titleId: title.id, bytes: await png("#7a1f1f"), actorId: librarian.id });

    expect(second.coverPath).not.toBe(first.coverPath);
    expect(same.coverPath).toBe(second.coverPath);
    expect((await db.coverImage.findMany({ select: { name: true } })).map((r) => COVER_URL_PREFIX + r.name)).toEqual([second.coverPath]);
    expect((await serve(first.coverPath)).status).toBe(404);
    expect((await serve(second.coverPath)).status).toBe(200);
  });

  it("deletes the cover with its title", async () => {
    const [title, librarian] = await Promise.all([makeTitle(), makeLibrarian()]);
    const { coverPath } = await setTitleCover({ titleId: title.id, bytes: await png("#17563f"), actorId: librarian.id });
    await deleteTitle({ titleId: title.id, actorId: librarian.id });
    expect(await db.coverImage.count()).toBe(0);
    expect((await serve(coverPath)).status).toBe(404);
  });

  it("refuses a cover for a title that is gone and keeps nothing of it", async () => {
    const librarian = await makeLibrarian();
    await expect(setTitleCover({ titleId: 999_999, bytes: await png("#17563f"), actorId: librarian.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.coverImage.count()).toBe(0);
  });

  it("refuses an image above the limit with the field's message, before reading it", async () => {
    const [title, librarian] = await Promise.all([makeTitle(), makeLibrarian()]);
    const form = new FormData();
    form.set("titleId", String(title.id));
    form.set("cover", new File([new Uint8Array(MAX_COVER_BYTES + 1)], "huge.png", { type: "image/png" }));
    const result = await inRequest(librarian, () => uploadCoverAction(null, form));
    expect(result).toMatchObject({ ok: false, fields: { cover: COVER_TOO_LARGE } });
    expect(await db.coverImage.count()).toBe(0);
  });

  it("moves a cover uploaded to local disk by an earlier version into the table when it is first asked for", async () => {
    const title = await makeTitle();
    const bytes = await sharp(await png("#17563f")).webp().toBuffer();
    const name = `${title.id}-0123456789abcdef.webp`;
    const orphan = `${title.id}-fedcba9876543210.webp`;
    mkdirSync(path.join(uploads, "covers"), { recursive: true });
    writeFileSync(path.join(uploads, "covers", name), bytes);
    writeFileSync(path.join(uploads, "covers", orphan), bytes);
    await db.title.update({ where: { id: title.id }, data: { coverPath: COVER_URL_PREFIX + name } });

    const res = await serve(COVER_URL_PREFIX + name);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(Buffer.compare(new Uint8Array(await res.arrayBuffer()), bytes)).toBe(0);
    expect(await db.coverImage.findMany({ select: { name: true, titleId: true } })).toEqual([{ name, titleId: title.id }]);
    // A file no title shows any more is not taken in.
    expect((await serve(COVER_URL_PREFIX + orphan)).status).toBe(404);
    expect(await db.coverImage.count()).toBe(1);
  });
});

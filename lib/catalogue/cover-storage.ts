import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { db, isUniqueViolation, type Tx } from "../db";

// Where uploaded covers live: the CoverImage table by default, so every app instance sees them
// and a database backup holds them; or an S3-compatible bucket when S3_BUCKET, S3_ENDPOINT,
// S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set. Either way the app serves them at
// /api/uploads/covers/<name>. Nothing is written to local disk.

export const COVER_URL_PREFIX = "/api/uploads/covers/";
/** Names the storage hands out, and the only ones the route serves: "<title id>-<hash>.webp". */
export const COVER_NAME = /^([0-9]+)-[0-9a-f]{16}\.webp$/;
export const COVER_CONTENT_TYPE = "image/webp";

export type StoredCover = { bytes: Uint8Array<ArrayBuffer>; contentType: string; etag: string };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A cover's name holds the start of its bytes' SHA-256, so a name always means the same image. */
export function coverName(titleId: number, hash: string): string {
  return `${titleId}-${hash.slice(0, 16)}.webp`;
}

/** A strong ETag: the whole SHA-256 of the bytes. */
function etagOf(hash: string): string {
  return `"${hash}"`;
}

export type CoverBucket = { put: (name: string, bytes: Uint8Array) => Promise<void>; remove: (name: string) => Promise<void>; read: (name: string) => Promise<Uint8Array | null> };

/** The S3-compatible bucket covers go to, when one is configured. */
export function coverBucket(): CoverBucket | null {
  const { S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = process.env;
  if (!S3_BUCKET || !S3_ENDPOINT || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null;
  const client = new AwsClient({ accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY, service: "s3", region: S3_REGION ?? "auto" });
  const base = `${S3_ENDPOINT.replace(/\/$/, "")}/${S3_BUCKET}/covers/`;
  return {
    async put(name, bytes) {
      const res = await client.fetch(base + name, { method: "PUT", body: Buffer.from(bytes), headers: { "content-type": COVER_CONTENT_TYPE } });
      if (!res.ok) throw new Error(`Cover upload to S3 failed: ${res.status}`);
    },
    async remove(name) {
      if (COVER_NAME.test(name)) await client.fetch(base + name, { method: "DELETE" });
    },
    async read(name) {
      const res = await client.fetch(base + name);
      return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
    },
  };
}

/**
 * Makes `bytes` the title's one stored cover, inside the transaction that records it on the
 * title: the row is added (or kept, for the same image again) and every other cover row of the
 * title is deleted, so a replaced cover leaves nothing behind.
 */
export async function storeTitleCover(tx: Tx, { titleId, name, bytes, hash }: { titleId: number; name: string; bytes: Uint8Array; hash: string }): Promise<void> {
  await tx.coverImage.upsert({
    where: { name },
    create: { name, titleId, contentType: COVER_CONTENT_TYPE, size: bytes.length, sha256: hash, bytes: new Uint8Array(bytes) },
    update: {},
  });
  await tx.coverImage.deleteMany({ where: { titleId, name: { not: name } } });
}

/** A cover by its name, from the database (or the bucket), with its ETag. */
export async function readCover(name: string): Promise<StoredCover | null> {
  if (!COVER_NAME.test(name)) return null;
  const bucket = coverBucket();
  if (bucket) {
    const bytes = await bucket.read(name);
    return bytes && { bytes: new Uint8Array(bytes), contentType: COVER_CONTENT_TYPE, etag: etagOf(sha256(bytes)) };
  }
  const row = await db.coverImage.findUnique({ where: { name }, select: { bytes: true, contentType: true, sha256: true } });
  if (row) return { bytes: row.bytes, contentType: row.contentType, etag: etagOf(row.sha256) };
  return adoptDiskCover(name);
}

/**
 * Covers uploaded before they were kept in the database are files in data/uploads/covers
 * (UPLOADS_DIR). The first request for one still on its title moves it into the table, so a
 * library upgrades without a step; the folder is then only read, never written.
 */
async function adoptDiskCover(name: string): Promise<StoredCover | null> {
  const file = await readFile(path.resolve(process.env.UPLOADS_DIR ?? "data/uploads", "covers", name)).catch(() => null);
  if (!file) return null;
  const bytes = new Uint8Array(file);
  const hash = sha256(bytes);
  const titleId = Number(COVER_NAME.exec(name)![1]);
  try {
    // A title that moved on to another cover meanwhile loses this row at its next change.
    const adopted = await db.$transaction(async (tx) => {
      const shown = (await tx.title.count({ where: { id: titleId, coverPath: COVER_URL_PREFIX + name } })) === 1;
      if (shown) await storeTitleCover(tx, { titleId, name, bytes, hash });
      return shown;
    });
    if (!adopted) return null;
  } catch (e) {
    // Another request adopted it first.
    if (!isUniqueViolation(e)) throw e;
  }
  return { bytes, contentType: COVER_CONTENT_TYPE, etag: etagOf(hash) };
}

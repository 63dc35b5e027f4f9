import sharp from "sharp";
import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { COVER_TOO_LARGE, MAX_COVER_BYTES } from "../upload-limits";
import { COVER_URL_PREFIX, coverBucket, coverName, sha256, storeTitleCover } from "./cover-storage";
import { imageKind } from "./image-kind";

export const COVER_MAX_WIDTH = 600;

export type SetTitleCoverOptions = { titleId: number; bytes: Uint8Array; actorId: number };

const refuse = (message: string) => new DomainError("INVALID_INPUT", message, { cover: message });

/**
 * Gives a title a new cover: checked, resized to at most 600 px wide (WebP), then stored and
 * recorded on the title in one transaction, the previous cover's row deleted with it. With an S3
 * bucket the file is put before the transaction (and taken back if the title is gone) and the
 * previous one removed after it.
 */
export async function setTitleCover({ titleId, bytes, actorId }: SetTitleCoverOptions): Promise<{ coverPath: string }> {
  if (bytes.length === 0) throw refuse("Choose an image file.");
  if (bytes.length > MAX_COVER_BYTES) throw refuse(COVER_TOO_LARGE);
  if (!imageKind(bytes)) throw refuse("Use a JPEG, PNG or WebP image.");
  let resized: Buffer;
  try {
    resized = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: COVER_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw refuse("This image could not be read. Try another file.");
  }
  const hash = sha256(resized);
  const name = coverName(titleId, hash);
  const coverPath = COVER_URL_PREFIX + name;
  const bucket = coverBucket();
  if (bucket) await bucket.put(name, resized);
  let previous: string | null;
  try {
    previous = await db.$transaction(async (tx) => {
      const title = await tx.title.findUnique({ where: { id: titleId }, select: { coverPath: true } });
      if (!title) throw new DomainError("NOT_FOUND", "This title no longer exists.");
      await tx.title.update({ where: { id: titleId }, data: { coverPath } });
      if (!bucket) await storeTitleCover(tx, { titleId, name, bytes: resized, hash });
      await recordAudit(tx, { actorId, action: "title.cover", entityType: "Title", entityId: titleId, details: { coverPath } });
      return title.coverPath;
    });
  } catch (e) {
    // The same image uploaded again has the same name: never remove the object the title shows.
    if (bucket && (await db.title.findUnique({ where: { id: titleId }, select: { coverPath: true } }))?.coverPath !== coverPath) await bucket.remove(name);
    throw e;
  }
  if (bucket && previous !== coverPath && previous?.startsWith(COVER_URL_PREFIX)) await bucket.remove(previous.slice(COVER_URL_PREFIX.length));
  return { coverPath };
}

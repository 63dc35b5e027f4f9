import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { COVER_URL_PREFIX, removeCover, saveCover } from "./cover-storage";
import { imageKind } from "./image-kind";

export const MAX_COVER_BYTES = 5 * 1024 * 1024;
export const COVER_MAX_WIDTH = 600;

export type SetTitleCoverOptions = { titleId: number; bytes: Uint8Array; actorId: number };

const refuse = (message: string) => new DomainError("INVALID_INPUT", message, { cover: message });

/**
 * Gives a title a new cover: checked, resized to at most 600 px wide (WebP), stored, then
 * recorded on the title. The file is written before the transaction and removed again if the
 * title is gone; the previous cover is removed once the new one is recorded.
 */
export async function setTitleCover({ titleId, bytes, actorId }: SetTitleCoverOptions): Promise<{ coverPath: string }> {
  if (bytes.length === 0) throw refuse("Choose an image file.");
  if (bytes.length > MAX_COVER_BYTES) throw refuse("The image is larger than 5 MB.");
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
  const name = `${titleId}-${randomBytes(8).toString("hex")}.webp`;
  await saveCover(name, resized);
  const coverPath = COVER_URL_PREFIX + name;
  try {
    const previous = await db.$transaction(async (tx) => {
      const title = await tx.title.findUnique({ where: { id: titleId }, select: { coverPath: true } });
      if (!title) throw new DomainError("NOT_FOUND", "This title no longer exists.");
      await tx.title.update({ where: { id: titleId }, data: { coverPath } });
      await recordAudit(tx, { actorId, action: "title.cover", entityType: "Title", entityId: titleId, details: { coverPath } });
      return title.coverPath;
    });
    if (previous?.startsWith(COVER_URL_PREFIX)) await removeCover(previous.slice(COVER_URL_PREFIX.length));
  } catch (e) {
    await removeCover(name);
    throw e;
  }
  return { coverPath };
}

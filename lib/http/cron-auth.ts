import { timingSafeEqual } from "node:crypto";

/** Whether a scheduler's call carries `Authorization: Bearer $CRON_SECRET` (Vercel Cron sends it so). */
export function cronAuthorised(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

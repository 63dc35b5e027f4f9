// The largest file each upload takes, and what the form says above it. Both stay under Vercel's
// 4.5 MB request body limit, so one set of limits holds on every deployment; the server action
// body limit in next.config.ts sits just above the largest of them.

const MB = 1024 * 1024;

export const MAX_COVER_BYTES = 4 * MB;
export const MAX_CSV_BYTES = 4 * MB;

/** A limit as forms show it ("4 MB"). */
export function sizeLabel(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

export const COVER_TOO_LARGE = `The image is larger than ${sizeLabel(MAX_COVER_BYTES)}. Choose a smaller one.`;
export const CSV_TOO_LARGE = `The file is larger than ${sizeLabel(MAX_CSV_BYTES)}. Split it and import each part.`;

/** Room for the largest file plus the rest of its form (other fields, multipart boundaries). */
export const SERVER_ACTION_BODY_LIMIT = Math.max(MAX_COVER_BYTES, MAX_CSV_BYTES) + MB / 4;

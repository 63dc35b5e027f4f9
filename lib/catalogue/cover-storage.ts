import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";

// Where uploaded covers live: a folder on local disk by default (data/uploads/covers: files put
// in public/ after a build are not served by `next start`), or an S3-compatible bucket when
// S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set. Either way the
// app serves them at /api/uploads/covers/<name>.

export const COVER_URL_PREFIX = "/api/uploads/covers/";
/** Names the storage hands out, and the only ones the route serves. */
export const COVER_NAME = /^[0-9]+-[0-9a-f]{16}\.webp$/;

function localDir(): string {
  return path.resolve(process.env.UPLOADS_DIR ?? "data/uploads", "covers");
}

function s3(): { client: AwsClient; base: string } | null {
  const { S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = process.env;
  if (!S3_BUCKET || !S3_ENDPOINT || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null;
  const client = new AwsClient({ accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY, service: "s3", region: S3_REGION ?? "auto" });
  return { client, base: `${S3_ENDPOINT.replace(/\/$/, "")}/${S3_BUCKET}/covers/` };
}

export async function saveCover(name: string, bytes: Uint8Array): Promise<void> {
  const bucket = s3();
  if (bucket) {
    const res = await bucket.client.fetch(bucket.base + name, { method: "PUT", body: Buffer.from(bytes), headers: { "content-type": "image/webp" } });
    if (!res.ok) throw new Error(`Cover upload to S3 failed: ${res.status}`);
    return;
  }
  await mkdir(localDir(), { recursive: true });
  await writeFile(path.join(localDir(), name), bytes);
}

export async function readCover(name: string): Promise<Uint8Array | null> {
  if (!COVER_NAME.test(name)) return null;
  const bucket = s3();
  if (bucket) {
    const res = await bucket.client.fetch(bucket.base + name);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  }
  return readFile(path.join(localDir(), name)).catch(() => null);
}

export async function removeCover(name: string): Promise<void> {
  if (!COVER_NAME.test(name)) return;
  const bucket = s3();
  if (bucket) await bucket.client.fetch(bucket.base + name, { method: "DELETE" });
  else await rm(path.join(localDir(), name), { force: true });
}

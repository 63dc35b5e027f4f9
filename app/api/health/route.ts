import { db, dbKind } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: { kind: dbKind, status: "up" } });
  } catch {
    return Response.json({ status: "error", database: { kind: dbKind, status: "down" } }, { status: 503 });
  }
}

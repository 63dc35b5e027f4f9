import { dbKind } from "@/lib/db";
import { readiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

/** Readiness, for a load balancer or orchestrator: 503 until the database is up and fully migrated. */
export async function GET() {
  const { ready, database, pendingMigrations } = await readiness();
  return Response.json(
    { status: ready ? "ready" : "not ready", database: { kind: dbKind, status: database }, pendingMigrations },
    { status: ready ? 200 : 503 },
  );
}

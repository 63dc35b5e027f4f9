// Driver adapters for the Prisma 6.19 CLI's JavaScript schema engine (`engine: "js"`), so that
// `prisma migrate deploy|diff|status` need no native schema-engine binary.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

export function pgMigrateAdapter(url: string) {
  const u = new URL(url);
  // Discrete fields: PrismaPg.connectToShadowDb() overrides `database`, and node-postgres lets a
  // connectionString win over it (the shadow database would be the main one).
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: ["require", "verify-ca", "verify-full"].includes(u.searchParams.get("sslmode") ?? "") || undefined,
    idleTimeoutMillis: 200,
  });
}

export function sqliteMigrateAdapter(url: string) {
  const base = new PrismaBetterSQLite3({ url });
  // The JS engine replays migrations on the in-memory shadow database with executeRaw(), which
  // better-sqlite3 refuses for multi-statement files: send argument-less commands to executeScript().
  return {
    provider: "sqlite" as const,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb() {
      const shadow = await base.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}

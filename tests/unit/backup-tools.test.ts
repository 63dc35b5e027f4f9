import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultBackupPath } from "@/lib/backup/backup-database";
import { libpqConnection, runPgTool } from "@/lib/backup/postgres-tools";

describe("backups", () => {
  it("are named by kind and UTC time under backups/", () => {
    const at = new Date("2026-12-02T20:45:12.345Z");
    expect(defaultBackupPath("sqlite", at)).toBe(path.join("backups", "stacks-sqlite-20261202T204512Z.db"));
    expect(defaultBackupPath("postgresql", at)).toBe(path.join("backups", "stacks-postgresql-20261202T204512Z.dump"));
  });

  it("give pg_dump the URL without its password or Prisma's parameters", () => {
    const { dbname, env, shown } = libpqConnection("postgresql://stacks:s%40cret@db.example:5433/library?schema=public&connection_limit=3&sslmode=require");
    expect(dbname).toBe("postgresql://stacks@db.example:5433/library?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
    expect(shown).toBe("db.example:5433/library");
  });

  it("say in one line what to install when pg_dump is missing", async () => {
    await expect(runPgTool("pg_dump", ["--version"], { ...process.env, PATH: "/nonexistent" })).rejects.toThrow(/^pg_dump was not found: install PostgreSQL's client tools .+ on PATH\.$/);
  });
});

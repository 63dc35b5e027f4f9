import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { setTitleCover } from "@/lib/catalogue/set-title-cover";
import { databaseKind } from "@/lib/database-url";
import { db } from "@/lib/db";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makeTitle } from "../support/fixtures";

// `npm run backup` and `npm run restore`, run as an operator runs them, against this project's
// database (SQLite file or PostgreSQL): a backup, a change, a restore, and the library as it was,
// covers included.

function run(script: "backup" | "restore", ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { encoding: "utf8", env: process.env, stdio: ["pipe", "pipe", "pipe"], input: "" });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

const library = async () => ({
  titles: (await db.title.findMany({ select: { title: true, coverPath: true }, orderBy: { title: "asc" } })).map((t) => `${t.title} ${t.coverPath ?? ""}`.trim()),
  covers: (await db.coverImage.findMany({ select: { name: true, sha256: true, bytes: true } })).map((c) => ({ name: c.name, sha256: c.sha256, bytes: Buffer.from(c.bytes).toString("base64") })),
});

beforeEach(resetDatabase);

describe(`backup and restore (${databaseKind()})`, () => {
  it("restores the library as it was backed up, covers included, once told --yes", async () => {
    const [kept, librarian] = await Promise.all([makeTitle({ title: "Kept Before Backup" }), makeLibrarian()]);
    const png = await sharp({ create: { width: 30, height: 45, channels: 3, background: "#17563f" } }).png().toBuffer();
    await setTitleCover({ titleId: kept.id, bytes: png, actorId: librarian.id });
    const before = await library();
    expect(before.covers).toHaveLength(1);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "stacks-backup-")), `stacks.${databaseKind() === "sqlite" ? "db" : "dump"}`);
    const backup = run("backup", file);
    expect(backup, backup.out).toMatchObject({ status: 0 });
    expect(backup.out).toContain(`to ${file}`);
    expect(run("backup", file)).toMatchObject({ status: 1, out: `${file} already exists: give another file name.` });

    await db.title.update({ where: { id: kept.id }, data: { title: "Renamed After Backup", coverPath: null } });
    await db.coverImage.deleteMany();
    await makeTitle({ title: "Added After Backup" });
    const changed = await library();
    expect(changed).not.toEqual(before);

    // Not a terminal and no --yes: refused, nothing touched.
    const refused = run("restore", file);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/^Not restoring: this replaces everything in .+ add --yes\.$/);
    expect(await library()).toEqual(changed);

    const restored = run("restore", file, "--yes");
    expect(restored, restored.out).toMatchObject({ status: 0 });
    expect(await library()).toEqual(before);
  });

  it("refuses a file that is not a backup of this kind of database, and leaves the database alone", async () => {
    await makeTitle({ title: "Untouched" });
    const dir = mkdtempSync(path.join(tmpdir(), "stacks-backup-"));
    const notBackup = path.join(dir, "notes.txt");
    writeFileSync(notBackup, "not a backup\n");
    const r = run("restore", notBackup, "--yes");
    expect(r.status).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${notBackup} is not a backup of an? (SQLite|PostgreSQL) database, which DATABASE_URL names\\.$`));
    // A backup of the other kind of database is named as such.
    const other = path.join(dir, "other-kind");
    if (databaseKind() === "sqlite") writeFileSync(other, "PGDMP\u0001\u000e\u0000");
    else new Database(other).exec("CREATE TABLE t (x)").close();
    expect(run("restore", other, "--yes").out).toMatch(/It is a backup of (an SQLite|a PostgreSQL) database\.$/);
    expect(run("restore", path.join(dir, "missing.db"), "--yes")).toMatchObject({ status: 1, out: `There is no backup file at ${path.join(dir, "missing.db")}.` });
    expect((await db.title.findMany({ select: { title: true } })).map((t) => t.title)).toEqual(["Untouched"]);
  });
});

import { createHash, randomInt } from "node:crypto";
import { now } from "../clock";
import type { Db, Tx } from "../db";
import { DomainError } from "../errors";

// The one-time code that lets the first visitor of a new library become its administrator.
// `npm start` issues it and prints it on the operator's console; only its hash is kept, in the
// database, so every app instance sharing the database accepts it. Each start issues a new one
// (the last printed is the one that works); creating the administrator uses it up.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function normalised(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function hashSetupCode(code: string): string {
  // 80 random bits: a fast hash is enough, there is nothing to guess from it.
  return createHash("sha256").update(normalised(code)).digest("hex");
}

/** A new code for a library without an administrator, or null (and no code kept) once it has one. */
export async function issueSetupCode(db: Db): Promise<string | null> {
  if ((await db.user.count({ where: { role: "ADMIN" } })) > 0) {
    await db.setupCode.deleteMany();
    return null;
  }
  const code = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join("-");
  const row = { codeHash: hashSetupCode(code), createdAt: now() };
  await db.setupCode.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: row });
  return code;
}

/**
 * Uses up the setup code inside the transaction that creates the administrator: the delete is
 * conditional on the code, so of two setups at once only one deletes the row; the other finds
 * nothing (PostgreSQL's row lock, SQLite's write lock) and is refused.
 */
export async function useSetupCode(tx: Tx, code: string): Promise<void> {
  const { count } = await tx.setupCode.deleteMany({ where: { id: 1, codeHash: hashSetupCode(code) } });
  if (count !== 1) {
    throw new DomainError("INVALID_INPUT", "That setup code is not right.", { setupCode: "Enter the setup code printed on the console when Stacks started." });
  }
  if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) {
    throw new DomainError("CONFLICT", "This library already has an administrator. Sign in instead.");
  }
}

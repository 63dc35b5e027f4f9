import { hash, verify } from "@node-rs/argon2";

// argon2id, memory-hard, with the library's OWASP-recommended defaults (19 MiB, t=2).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked against when no account matches, so a wrong email costs as much time as a wrong password.
export const UNUSED_HASH = "$argon2id$v=19$m=19456,t=2,p=1$LObf+cyh2nXgi7yNRN7GcA$6kkECp5T2p8iHbYEgisr0C+EKJwEcdTyj1afC7flkcs";

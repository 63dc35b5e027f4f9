import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import type { ProfileInput } from "./schemas";

export type UpdateProfileOptions = { patronId: number; input: ProfileInput };

/** A patron changes their own name, phone, address and pickup preference; the audit entry keeps what changed. */
export async function updateProfile({ patronId, input }: UpdateProfileOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: patronId }, select: { name: true, phone: true, address: true, pickupLocation: true } });
    if (!before) throw new DomainError("NOT_FOUND", "No such account.");
    // A patron registered at the desk with a phone only must stay reachable: the phone stays
    // unless the account has an email (checked in the update itself).
    const keepsContact = input.phone === null ? { email: { not: null } } : {};
    const { count } = await tx.user.updateMany({ where: { id: patronId, ...keepsContact }, data: input });
    if (count !== 1 && input.phone === null) {
      const message = "Keep a phone number: the library has no email address for you.";
      throw new DomainError("INVALID_INPUT", message, { phone: message });
    }
    if (count !== 1) throw new DomainError("NOT_FOUND", "No such account.");
    const changed = Object.fromEntries(
      (Object.keys(input) as (keyof ProfileInput)[]).filter((k) => input[k] !== undefined && before[k] !== input[k]).map((k) => [k, { from: before[k], to: input[k] }]),
    );
    await recordAudit(tx, { actorId: patronId, action: "patron.profile_update", entityType: "User", entityId: patronId, details: changed });
  });
}

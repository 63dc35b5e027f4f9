import { recordAudit } from "../audit";
import { type Db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import { hashPassword } from "../patrons/password";
import type { NewSipDevice } from "./device-schemas";

/**
 * An administrator adds a kiosk or e-book vendor account (the dashboard, scripts/sip-device-create.ts,
 * the demo seed): its password stored hashed, audited like a person's account. `actorId` is null
 * from a shell.
 */
export async function createSipDevice(client: Db, input: NewSipDevice, actorId: number | null) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await client.$transaction(async (tx) => {
      const device = await tx.sipDevice.create({
        data: { login: input.login, passwordHash, institutionId: input.institutionId, location: input.location, allowedOperations: input.operations.join(",") },
      });
      await recordAudit(tx, { actorId, action: "sip_device.create", entityType: "SipDevice", entityId: device.id, details: { login: device.login, operations: input.operations } });
      return device;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = `A device named ${input.login} exists already.`;
    throw new DomainError("CONFLICT", message, { login: message });
  }
}

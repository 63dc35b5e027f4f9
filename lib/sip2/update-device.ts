import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { hashPassword } from "../patrons/password";

/** Turns a device off (its next login is refused) or on again. */
export async function setSipDeviceEnabled({ deviceId, enabled, actorId }: { deviceId: number; enabled: boolean; actorId: number }): Promise<{ login: string }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.sipDevice.updateMany({ where: { id: deviceId, enabled: !enabled }, data: { enabled } });
    const device = await tx.sipDevice.findUnique({ where: { id: deviceId }, select: { login: true } });
    if (!device) throw new DomainError("NOT_FOUND", "This device no longer exists.");
    if (count !== 1) throw new DomainError("CONFLICT", `${device.login} is already ${enabled ? "on" : "off"}.`);
    await recordAudit(tx, { actorId, action: enabled ? "sip_device.enable" : "sip_device.disable", entityType: "SipDevice", entityId: deviceId, details: { login: device.login } });
    return device;
  });
}

/** A new password for a device, when a kiosk is reconfigured or its password may have leaked. */
export async function setSipDevicePassword({ deviceId, password, actorId }: { deviceId: number; password: string; actorId: number }): Promise<{ login: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.sipDevice.updateMany({ where: { id: deviceId }, data: { passwordHash } });
    if (count !== 1) throw new DomainError("NOT_FOUND", "This device no longer exists.");
    const device = await tx.sipDevice.findUniqueOrThrow({ where: { id: deviceId }, select: { login: true } });
    await recordAudit(tx, { actorId, action: "sip_device.password", entityType: "SipDevice", entityId: deviceId, details: { login: device.login } });
    return device;
  });
}

import { db } from "../db";
import type { SipOperation } from "./operations";

export type SipDeviceRow = { id: number; login: string; institutionId: string; location: string; enabled: boolean; operations: SipOperation[]; lastSeenAt: Date | null; createdAt: Date };

/** Every self-check and vendor account, for the dashboard (never their password hashes). */
export async function listSipDevices(): Promise<SipDeviceRow[]> {
  const devices = await db.sipDevice.findMany({
    orderBy: { login: "asc" },
    select: { id: true, login: true, institutionId: true, location: true, enabled: true, allowedOperations: true, lastSeenAt: true, createdAt: true },
  });
  return devices.map(({ allowedOperations, ...d }) => ({ ...d, operations: allowedOperations.split(",").filter(Boolean) as SipOperation[] }));
}

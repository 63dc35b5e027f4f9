import { setTimeout as sleep } from "node:timers/promises";
import { now } from "../clock";
import { db } from "../db";
import { UNUSED_HASH, verifyPassword } from "../patrons/password";
import { accountDelayMs, overLimit } from "../patrons/sign-in-throttle";
import { clearAttempts, countAttempt, forgiveAttempt } from "../patrons/throttle-counter";
import type { SipOperation } from "./operations";


export type SipDeviceAccount = {
  id: number;
  login: string;
  institutionId: string;
  location: string;
  operations: Set<SipOperation>;
  /** The password hash it signed in against: a new password ends its connections. */
  passwordHash: string;
};

type DeviceRow = { id: number; login: string; institutionId: string; location: string; allowedOperations: string; passwordHash: string };

function account(device: DeviceRow): SipDeviceAccount {
  return {
    id: device.id,
    login: device.login,
    institutionId: device.institutionId,
    location: device.location,
    operations: new Set(device.allowedOperations.split(",").map((s) => s.trim()).filter(Boolean) as SipOperation[]),
    passwordHash: device.passwordHash,
  };
}

/**
 * The device as it is now, for each message of a signed-in connection: null once an administrator
 * has turned it off, removed it or given it a new password, so the connection ends there and then.
 */
export async function currentDevice(signedIn: SipDeviceAccount): Promise<SipDeviceAccount | null> {
  const device = await db.sipDevice.findFirst({ where: { id: signedIn.id, enabled: true, passwordHash: signedIn.passwordHash } });
  return device ? account(device) : null;
}

export type DeviceLoginOutcome = { kind: "ok"; device: SipDeviceAccount } | { kind: "invalid" } | { kind: "throttled" };

/**
 * A device's 93 login, throttled like a person's sign-in (the same counters, keyed "sip:<login>"):
 * past the limit for the (device, address) pair or the address, refused unverified; a disabled
 * device is refused like a wrong password. Success records when the device was last seen.
 */
export async function authenticateDevice(login: string, password: string, address: string): Promise<DeviceLoginOutcome> {
  const name = login.trim();
  const device = await db.sipDevice.findUnique({ where: { login: name } });
  const throttleKey = `sip:${name.toLowerCase()}`;
  const pair = `${throttleKey}|${address}`;
  const [pairHits, addressHits, accountHits] = await Promise.all([countAttempt("pair", pair), countAttempt("address", address), countAttempt("account", throttleKey)]);
  if (overLimit("pair", pairHits) || overLimit("address", addressHits)) return { kind: "throttled" };
  const delay = accountDelayMs(accountHits);
  if (delay > 0) await sleep(delay);
  const valid = await verifyPassword(device?.passwordHash ?? UNUSED_HASH, password);
  if (!device || !valid || !device.enabled) return { kind: "invalid" };
  await Promise.all([clearAttempts("pair", pair), forgiveAttempt("address", address), forgiveAttempt("account", throttleKey)]);
  await db.sipDevice.update({ where: { id: device.id }, data: { lastSeenAt: now() } });
  return { kind: "ok", device: account(device) };
}

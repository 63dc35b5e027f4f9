import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSipDevice } from "@/lib/sip2/create-device";
import { sipDeviceFormSchema } from "@/lib/sip2/device-schemas";
import { authenticateDevice } from "@/lib/sip2/devices";
import { listSipDevices } from "@/lib/sip2/list-devices";
import { setSipDeviceEnabled, setSipDevicePassword } from "@/lib/sip2/update-device";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { makeLibrarian } from "../support/fixtures";

beforeEach(resetDatabase);

const FORM = { login: "kiosk-entrance", password: "kiosk-password-1", institutionId: "", location: "Entrance", "op.checkout": "on", "op.checkin": "on" };

describe("self-check devices an administrator manages", () => {
  it("adds a device from the dashboard form, with the operations ticked and the password hashed", async () => {
    const admin = await makeLibrarian();
    const device = await createSipDevice(db, parseInput(sipDeviceFormSchema, FORM), admin.id);
    expect(device).toMatchObject({ login: "kiosk-entrance", institutionId: "stacks", location: "Entrance", allowedOperations: "checkout,checkin", enabled: true });
    expect(device.passwordHash).not.toContain("kiosk-password-1");
    expect(await listSipDevices()).toEqual([expect.objectContaining({ login: "kiosk-entrance", operations: ["checkout", "checkin"], lastSeenAt: null })]);
    expect(await db.auditEntry.findFirst({ where: { action: "sip_device.create" } })).toMatchObject({ actorId: admin.id, entityType: "SipDevice", entityId: String(device.id) });
  });

  it("refuses a second device with the same login, and a form with nothing ticked or a short password", async () => {
    await createSipDevice(db, parseInput(sipDeviceFormSchema, FORM), null);
    await expect(createSipDevice(db, parseInput(sipDeviceFormSchema, FORM), null)).rejects.toMatchObject({ code: "CONFLICT", fields: { login: "A device named kiosk-entrance exists already." } });
    expect(() => parseInput(sipDeviceFormSchema, { login: "k2", password: "long-enough-pw" })).toThrow(expect.objectContaining({ fields: { operations: "Tick at least one thing the device may do." } }));
    expect(() => parseInput(sipDeviceFormSchema, { ...FORM, password: "short" })).toThrow(expect.objectContaining({ fields: { password: "A device password has at least 8 characters." } }));
  });

  it("turned off, the device cannot sign in until turned on; a new password replaces the old one", async () => {
    const admin = await makeLibrarian();
    const device = await createSipDevice(db, parseInput(sipDeviceFormSchema, FORM), admin.id);
    expect((await authenticateDevice("kiosk-entrance", "kiosk-password-1", "10.0.0.1")).kind).toBe("ok");
    expect((await listSipDevices())[0].lastSeenAt).not.toBeNull();

    await setSipDeviceEnabled({ deviceId: device.id, enabled: false, actorId: admin.id });
    expect((await authenticateDevice("kiosk-entrance", "kiosk-password-1", "10.0.0.1")).kind).toBe("invalid");
    await expect(setSipDeviceEnabled({ deviceId: device.id, enabled: false, actorId: admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await setSipDeviceEnabled({ deviceId: device.id, enabled: true, actorId: admin.id });

    await setSipDevicePassword({ deviceId: device.id, password: "a-brand-new-password", actorId: admin.id });
    expect((await authenticateDevice("kiosk-entrance", "kiosk-password-1", "10.0.0.2")).kind).toBe("invalid");
    expect((await authenticateDevice("kiosk-entrance", "a-brand-new-password", "10.0.0.2")).kind).toBe("ok");
    const actions = (await db.auditEntry.findMany({ where: { entityType: "SipDevice" }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["sip_device.create", "sip_device.disable", "sip_device.enable", "sip_device.password"]);
    await expect(setSipDevicePassword({ deviceId: device.id + 99, password: "a-brand-new-password", actorId: admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

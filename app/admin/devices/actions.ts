"use server";

import { serverAction } from "@/app/_lib/server-action";
import { db } from "@/lib/db";
import { createSipDevice } from "@/lib/sip2/create-device";
import { sipDeviceEnabledSchema, sipDeviceFormSchema, sipDevicePasswordSchema } from "@/lib/sip2/device-schemas";
import { setSipDeviceEnabled, setSipDevicePassword } from "@/lib/sip2/update-device";
import { requireRole } from "@/lib/session";

export const createSipDeviceAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: sipDeviceFormSchema,
  run: (input, user) => createSipDevice(db, input, user.id),
  revalidate: () => ["/admin/devices"],
  reply: (device) => `Device ${device.login} added. Give the kiosk or vendor its login and password now: the password is not shown again.`,
});

export const setSipDeviceEnabledAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: sipDeviceEnabledSchema,
  run: ({ deviceId, enabled }, user) => setSipDeviceEnabled({ deviceId, enabled, actorId: user.id }),
  revalidate: () => ["/admin/devices"],
  reply: (device, { enabled }) => (enabled ? `${device.login} is on: it may sign in again.` : `${device.login} is off: it cannot sign in.`),
});

export const setSipDevicePasswordAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: sipDevicePasswordSchema,
  run: ({ deviceId, password }, user) => setSipDevicePassword({ deviceId, password, actorId: user.id }),
  revalidate: () => ["/admin/devices"],
  reply: (device) => `New password saved for ${device.login}. Enter it on the device.`,
});

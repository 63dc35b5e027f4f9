import { z } from "zod";
import { SIP_OPERATIONS } from "./operations";

// The self-check device forms, shared by the dashboard's forms and their actions.


const password = z
  .string({ error: "Enter a password for the device." })
  .min(8, "A device password has at least 8 characters.")
  .max(200, "A device password has at most 200 characters.");

/** A new device, as the script and the demo seed give it. */
export const sipDeviceSchema = z.object({
  login: z
    .string({ error: "Enter the device's login." })
    .trim()
    .regex(/^[\w.@-]{1,64}$/, "A device login is 1 to 64 letters, digits, dots, dashes or underscores."),
  password,
  institutionId: z.string().trim().max(64, "At most 64 characters.").default("stacks").transform((v) => v || "stacks"),
  location: z.string().trim().max(100, "At most 100 characters.").default(""),
  operations: z.array(z.enum(SIP_OPERATIONS)).min(1, "Tick at least one thing the device may do."),
});

/** The dashboard's form: one checkbox per operation, named `op.<operation>`. */
export const sipDeviceFormSchema = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  return { ...form, operations: SIP_OPERATIONS.filter((op) => form[`op.${op}`] === "on") };
}, sipDeviceSchema);

export type NewSipDevice = z.infer<typeof sipDeviceSchema>;

const deviceId = z.coerce.number({ error: "Unknown device." }).int().positive("Unknown device.");

export const sipDeviceEnabledSchema = z.object({ deviceId, enabled: z.enum(["true", "false"]).transform((v) => v === "true") });
export const sipDevicePasswordSchema = z.object({ deviceId, password });

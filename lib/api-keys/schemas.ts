import { z } from "zod";
import { API_SCOPES } from "./scopes";

// The API keys page's forms, shared by the forms and their actions.

export const apiKeySchema = z.object({
  name: z
    .string({ error: "Enter a name for the key." })
    .trim()
    .min(1, "Enter a name for the key.")
    .max(64, "A key's name is at most 64 characters.")
    .regex(/^[\p{L}\p{N} ._-]+$/u, "A key's name is letters, digits, spaces, dots, dashes or underscores."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Tick at least one thing the key may do."),
});

/** The dashboard's form: one checkbox per scope, named `scope.<scope>`. */
export const apiKeyFormSchema = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  return { ...form, scopes: API_SCOPES.filter((scope) => form[`scope.${scope}`] === "on") };
}, apiKeySchema);

export type NewApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyIdSchema = z.object({ keyId: z.coerce.number({ error: "Unknown key." }).int().positive("Unknown key.") });

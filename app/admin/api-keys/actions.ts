"use server";

import { serverAction } from "@/app/_lib/server-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiKeyFormSchema, apiKeyIdSchema } from "@/lib/api-keys/schemas";
import { requireRole } from "@/lib/session";

export const createApiKeyAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: apiKeyFormSchema,
  run: (input, user) => createApiKey(input, user.id),
  revalidate: () => ["/admin/api-keys"],
  reply: (created) => ({ data: { key: created.key }, message: `Key ${created.name} created. Copy it now: it is not shown again.` }),
});

export const revokeApiKeyAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: apiKeyIdSchema,
  run: ({ keyId }, user) => revokeApiKey({ keyId, actorId: user.id }),
  revalidate: () => ["/admin/api-keys"],
  reply: (key) => `${key.name} is revoked: its requests are refused from now on.`,
});

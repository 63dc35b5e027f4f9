"use server";

import { serverAction } from "@/app/_lib/server-action";
import { setRoleSchema } from "@/lib/patrons/admin-schemas";
import { setRole } from "@/lib/patrons/set-role";
import { requireRole } from "@/lib/session";

export const setRoleAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: setRoleSchema,
  run: ({ userId, role }, user) => setRole({ userId, role, actorId: user.id }),
  revalidate: () => ["/admin/staff"],
  reply: (_, { role }) => `Role changed to ${role.toLowerCase()}.`,
});

"use server";

import { serverAction } from "@/app/_lib/server-action";
import { csvUpload } from "@/lib/csv-upload";
import { formatDate, plural } from "@/lib/format";
import { blockPatronSchema, editPatronSchema, patronIdSchema, unblockPatronSchema } from "@/lib/patrons/admin-schemas";
import { blockPatron } from "@/lib/patrons/block-patron";
import { importPatrons } from "@/lib/patrons/import-patrons";
import { previewPatronImport } from "@/lib/patrons/preview-patron-import";
import { renewCard } from "@/lib/patrons/renew-card";
import { resetPassword } from "@/lib/patrons/reset-password";
import { unblockPatron } from "@/lib/patrons/unblock-patron";
import { updatePatron } from "@/lib/patrons/update-patron";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

const patronPages = ({ patronId }: { patronId: number }) => ["/admin/patrons", `/admin/patrons/${patronId}`];

export const updatePatronAction = serverAction({
  guard: requireStaff,
  input: editPatronSchema,
  run: (input, user) => updatePatron({ input, actorId: user.id }),
  revalidate: patronPages,
  reply: () => "Details saved.",
});

export const blockPatronAction = serverAction({
  guard: requireStaff,
  input: blockPatronSchema,
  run: ({ patronId, reason }, user) => blockPatron({ patronId, reason, actorId: user.id }),
  revalidate: patronPages,
  reply: () => "Account blocked.",
});

export const unblockPatronAction = serverAction({
  guard: requireStaff,
  input: unblockPatronSchema,
  run: ({ patronId, note }, user) => unblockPatron({ patronId, note, actorId: user.id }),
  revalidate: patronPages,
  reply: () => "Account unblocked.",
});

export const renewCardAction = serverAction({
  guard: requireStaff,
  input: patronIdSchema,
  run: ({ patronId }, user) => renewCard({ patronId, actorId: user.id }),
  revalidate: patronPages,
  reply: async ({ expiresAt }) => `Card renewed until ${formatDate(expiresAt, (await getLibrarySettings()).timeZone)}.`,
});

export const resetPasswordAction = serverAction({
  guard: requireStaff,
  input: patronIdSchema,
  run: ({ patronId }, user) => resetPassword({ patronId, actorId: user.id }),
  revalidate: patronPages,
  reply: (data) => ({ data, message: "Password reset. Give the patron the temporary password below; it is shown only now and works once: they choose their own when they sign in with it." }),
});

export const previewPatronImportAction = serverAction({
  guard: requireStaff,
  input: csvUpload,
  run: (csv) => previewPatronImport({ csv }),
  reply: (data) => ({ data }),
});

export const importPatronsAction = serverAction({
  guard: requireStaff,
  input: csvUpload,
  run: (csv, user) => importPatrons({ csv, actorId: user.id }),
  revalidate: () => ["/admin/patrons"],
  reply: (data) => ({ data, message: `Imported: ${plural(data.added, "patron")} added, ${plural(data.updated, "patron")} updated.` }),
});

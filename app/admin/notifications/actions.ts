"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/errors";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { requireStaff } from "@/lib/session";

export async function sendPendingAction(): Promise<ActionResult> {
  await requireStaff();
  const result = await dispatchPendingEmails();
  revalidatePath("/admin/notifications");
  return { ok: true, data: undefined, message: `Sent ${result.sent}; ${result.retrying} will be retried; ${result.failed} failed.` };
}

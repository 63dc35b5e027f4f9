"use client";

import { confirmEmailAction } from "@/app/(auth)/actions";
import { ActionForm } from "@/components/ui/action-form";

export function ConfirmEmailForm({ token }: { token: string }) {
  return <ActionForm action={confirmEmailAction} hidden={{ token }} submit={{ label: "Confirm new email address", pendingText: "Confirming…" }}>{() => null}</ActionForm>;
}

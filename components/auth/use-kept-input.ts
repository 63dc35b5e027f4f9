"use client";

import { useActionState, useState } from "react";
import type { ActionResult, FormAction } from "@/lib/errors";

/**
 * useActionState that remembers what was typed (passwords excepted), for the fields'
 * defaultValue: React resets a form after its action, and a refused form keeps what was typed.
 */
export function useActionKeepingInput(submit: FormAction) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [state, action] = useActionState(async (prev: ActionResult | null, form: FormData) => {
    const kept: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string" && !/password/i.test(name)) kept[name] = value;
    setTyped(kept);
    return submit(prev, form);
  }, null);
  return [state, action, typed] as const;
}

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type ActionResult, type FormAction, toActionError } from "@/lib/errors";
import { formObject, keptValues, parseInput } from "@/lib/validation";

// The one shell every form's server action runs in. It lives in app/ because revalidating pages
// is Next's business (next/cache); lib/ stays free of the framework.

/** A page to refresh after a change: a path, or a layout and every page below it. */
export type Revalidation = string | { layout: string };

/** What the person is told: a message, or data for the form with an optional message. */
type Reply<T> = string | { data: T; message?: string };

type Spec<User, Input, Result, T> = {
  /**
   * Who may act (requireUser, requireStaff, () => requireRole("ADMIN"), or `anyone`). It runs
   * first, before the form is read, so a visitor is sent away having learnt nothing.
   */
  guard: () => Promise<User>;
  /** The form's shared zod schema, or a reader for what a schema cannot hold (a file, checkboxes). */
  input: z.ZodType<Input> | ((form: FormData) => Input | Promise<Input>);
  /** The one lib operation (and, at most, what must follow it, such as sending emails soon). */
  run: (input: Input, user: User) => Promise<Result>;
  /** The pages that show what changed. */
  revalidate?: (input: Input, result: Result) => Revalidation[];
  /** The confirmation, or a redirect(); omitted, the form is told only that it worked. */
  reply?: (result: Result, input: Input, user: User) => Reply<T> | Promise<Reply<T>>;
};

/** For the actions a visitor may use (signing in, registering): there is no one to check. */
export async function anyone(): Promise<null> {
  return null;
}

/**
 * guard → parse → run → revalidate → reply. A refusal (a DomainError, from the parse or the
 * operation) comes back as the form's result, with the submitted values; anything else is a bug, or Next's redirect, and
 * is rethrown.
 */
export function serverAction<User, Input, Result, T = undefined>(spec: Spec<User, Input, Result, T>): FormAction<T> {
  return async (_prev, form) => {
    const user = await spec.guard();
    try {
      const input = typeof spec.input === "function" ? await spec.input(form) : parseInput(spec.input, formObject(form));
      const result = await spec.run(input, user);
      for (const page of spec.revalidate?.(input, result) ?? []) {
        if (typeof page === "string") revalidatePath(page);
        else revalidatePath(page.layout, "layout");
      }
      const reply = spec.reply ? await spec.reply(result, input, user) : { data: undefined as T };
      return (typeof reply === "string" ? { ok: true, data: undefined as T, message: reply } : { ok: true, ...reply }) satisfies ActionResult<T>;
    } catch (e) {
      return { ...toActionError(e), values: keptValues(form) };
    }
  };
}

import type { z } from "zod";
import { DomainError } from "./errors";

/** The message of a form refused by its schema; the fields' own messages say what is wrong. */
export const INVALID_FIELDS_MESSAGE = "Please correct the highlighted fields.";

/** Parses input with a form's schema, turning zod issues into per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  throw new DomainError("INVALID_INPUT", INVALID_FIELDS_MESSAGE, fields);
}

/** What a refused form shows again: its text fields, never a password (or a file). */
export function keptValues(form: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formObject(form)).filter(([name]) => !/password/i.test(name)));
}

/** FormData to a plain object (last value wins), for schemas shared by forms and actions. */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

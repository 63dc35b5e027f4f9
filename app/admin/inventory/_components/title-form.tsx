"use client";

import Link from "next/link";
import { createTitleAction, updateTitleAction } from "@/app/admin/inventory/actions";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export type TitleFormValues = {
  title: string;
  subtitle: string;
  originalTitle: string;
  authors: string;
  genres: string;
  isbn: string;
  publisher: string;
  year: string;
  language: string;
  pages: string;
  description: string;
};

export const EMPTY_TITLE: TitleFormValues = { title: "", subtitle: "", originalTitle: "", authors: "", genres: "", isbn: "", publisher: "", year: "", language: "", pages: "", description: "" };

/** The title record, for adding (no titleId) or editing. A refused form keeps what was submitted. */
export function TitleForm({ titleId, values }: { titleId?: number; values: TitleFormValues }) {
  const { state, action, formRef, kept } = useFormAction(titleId ? updateTitleAction : createTitleAction);
  const err = (field: string) => fieldError(state, field);
  const existing = state && !state.ok ? state.fields?.isbnTitleId : undefined;
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      {titleId && <input type="hidden" name="titleId" value={titleId} />}
      <TextField label="Title" name="title" required defaultValue={kept.value("title", values.title)} error={err("title")} />
      <TextField label="Subtitle" name="subtitle" defaultValue={kept.value("subtitle", values.subtitle)} error={err("subtitle")} />
      <TextField
        label="Original title"
        name="originalTitle"
        defaultValue={kept.value("originalTitle", values.originalTitle)}
        error={err("originalTitle")}
        hint="The title it was first published under, if this edition's differs. Searches find it too."
      />
      <TextAreaField
        label="Authors (one per line or comma-separated, in order)"
        name="authors"
        rows={3}
        defaultValue={kept.value("authors", values.authors)}
        error={err("authors")}
        hint="New names are added to the catalogue's authors."
      />
      <TextField label="Genres" name="genres" defaultValue={kept.value("genres", values.genres)} error={err("genres")} hint="Comma-separated, e.g. Fantasy, Young Adult." />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <TextField
            label="ISBN"
            name="isbn"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={kept.value("isbn", values.isbn)}
            error={err("isbn")}
            hint="ISBN-10 or ISBN-13, hyphens allowed; stored as ISBN-13."
          />
          {existing && (
            <p className="mt-1 text-sm">
              <Link href={`/admin/inventory/${existing}`} className="font-medium text-brand-800 underline">
                Open the title with this ISBN
              </Link>
            </p>
          )}
        </div>
        <TextField label="Publisher" name="publisher" defaultValue={kept.value("publisher", values.publisher)} error={err("publisher")} />
        <TextField label="Year" name="year" inputMode="numeric" defaultValue={kept.value("year", values.year)} error={err("year")} />
        <TextField label="Language" name="language" defaultValue={kept.value("language", values.language)} error={err("language")} hint="Code such as en, fr or spa." />
        <TextField label="Pages" name="pages" inputMode="numeric" defaultValue={kept.value("pages", values.pages)} error={err("pages")} />
      </div>
      <TextAreaField label="Description" name="description" rows={5} defaultValue={kept.value("description", values.description)} error={err("description")} />
      <SubmitButton pendingText="Saving…">{titleId ? "Save title" : "Add title"}</SubmitButton>
    </form>
  );
}

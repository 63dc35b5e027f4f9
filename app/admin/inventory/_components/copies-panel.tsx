"use client";

import { useActionState } from "react";
import { addCopyAction, deleteCopyAction, updateCopyAction, withdrawCopyAction } from "@/app/admin/inventory/actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { ConfirmAction } from "@/components/ui/confirm-action";

export type PanelCopy = { id: number; barcode: string; shelfLocation: string; status: CopyStatus; notes: string | null; note: string | null; itemTypeCode: string };

/** The library's item types, for the copy forms' select. */
export type ItemTypeChoice = { code: string; name: string };

export const STATUS_NAMES: Record<CopyStatus, string> = {
  AVAILABLE: "Available",
  ON_LOAN: "On loan",
  ON_HOLD_SHELF: "On the hold shelf",
  LOST: "Lost",
  DAMAGED: "Damaged",
  WITHDRAWN: "Withdrawn",
};

const MANUAL: CopyStatus[] = ["AVAILABLE", "DAMAGED", "LOST", "WITHDRAWN"];

export function AddCopyForm({ titleId, itemTypes }: { titleId: number; itemTypes: ItemTypeChoice[] }) {
  const [state, action] = useActionState(addCopyAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="titleId" value={titleId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Barcode (leave empty to generate)" name="barcode" autoComplete="off" error={fieldError(state, "barcode")} />
        <TextField label="Shelf location" name="shelfLocation" error={fieldError(state, "shelfLocation")} />
        <SelectField
          label="Item type of the new copy"
          name="itemTypeCode"
          defaultValue="BOOK"
          error={fieldError(state, "itemTypeCode")}
          choices={itemTypes.map((t) => ({ value: t.code, label: t.name }))}
        />
      </div>
      <SubmitButton pendingText="Adding…">Add copy</SubmitButton>
    </form>
  );
}

function CopyEditor({ copy, titleId, itemTypes }: { copy: PanelCopy; titleId: number; itemTypes: ItemTypeChoice[] }) {
  const [state, action] = useActionState(updateCopyAction, null);
  const id = (field: string) => `copy-${copy.id}-${field}`;
  return (
    <form action={action} className="space-y-2" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="copyId" value={copy.id} />
      <input type="hidden" name="titleId" value={titleId} />
      <div className="grid gap-2 sm:grid-cols-4">
        <div className="space-y-1">
          <label htmlFor={id("shelf")} className="block text-sm font-medium text-stone-800">
            Shelf location of {copy.barcode}
          </label>
          <input id={id("shelf")} name="shelfLocation" defaultValue={copy.shelfLocation} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor={id("status")} className="block text-sm font-medium text-stone-800">
            Status of {copy.barcode}
          </label>
          <select id={id("status")} name="status" defaultValue={copy.status} className={inputClass}>
            {MANUAL.map((s) => (
              <option key={s} value={s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={id("notes")} className="block text-sm font-medium text-stone-800">
            Notes on {copy.barcode}
          </label>
          <input id={id("notes")} name="notes" defaultValue={copy.notes ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor={id("type")} className="block text-sm font-medium text-stone-800">
            Item type of {copy.barcode}
          </label>
          <select id={id("type")} name="itemTypeCode" defaultValue={copy.itemTypeCode} className={inputClass}>
            {itemTypes.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save copy {copy.barcode}
      </SubmitButton>
    </form>
  );
}

/** The copies of a title: edit each, withdraw or delete it, pick some for labels. */
/** A withdrawn copy of a title in the catalogue can be put back (its editor's status); not one of a withdrawn title. */
export function CopiesList({ titleId, copies, titleWithdrawn, itemTypes }: { titleId: number; copies: PanelCopy[]; titleWithdrawn: boolean; itemTypes: ItemTypeChoice[] }) {
  if (copies.length === 0) return <p className="text-stone-700">No copies yet.</p>;
  return (
    <div className="space-y-4">
      <form id="labels-form" action="/admin/inventory/labels" className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("secondary")}>
          Print labels for the selected copies
        </button>
      </form>
      <ul className="space-y-4">
        {copies.map((copy) => (
          <li key={copy.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <input
                id={`copy-${copy.id}-label`}
                type="checkbox"
                name="copies"
                value={copy.id}
                form="labels-form"
                className="size-5"
              />
              <label htmlFor={`copy-${copy.id}-label`} className="font-mono text-base font-semibold">
                {copy.barcode}
              </label>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-sm text-stone-800">{STATUS_NAMES[copy.status]}</span>
              <span className="text-sm text-stone-700">{itemTypes.find((t) => t.code === copy.itemTypeCode)?.name ?? copy.itemTypeCode}</span>
              {copy.note && <span className="text-sm text-stone-700">{copy.note}</span>}
            </div>
            {MANUAL.includes(copy.status) && (copy.status !== "WITHDRAWN" || !titleWithdrawn) ? (
              <CopyEditor copy={copy} titleId={titleId} itemTypes={itemTypes} />
            ) : (
              copy.status !== "WITHDRAWN" && <p className="text-sm text-stone-700">Circulation owns this copy until it is checked in or its hold ends.</p>
            )}
            <div className="flex flex-wrap gap-3">
              <ConfirmAction
                action={withdrawCopyAction}
                fields={{ copyId: copy.id, titleId }}
                label={`Withdraw copy ${copy.barcode}`}
                question={`Withdraw copy ${copy.barcode}? It can no longer be lent, but stays in the records with its history.`}
                confirmLabel="Yes, withdraw it"
                done={copy.status === "WITHDRAWN"}
              />
              <ConfirmAction
                action={deleteCopyAction}
                fields={{ copyId: copy.id, titleId }}
                label={`Delete copy ${copy.barcode}`}
                question={`Delete copy ${copy.barcode} for good? Only a copy that was never lent or held can be deleted.`}
                confirmLabel="Yes, delete it"
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { createCategoryAction, updatePolicyAction } from "@/app/admin/policies/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/** The policy as the form shows it: days as numbers, money as "0.25". */
export type PolicyFormValues = {
  name: string;
  loanPeriodDays: number;
  maxLoans: number;
  maxRenewals: number;
  fineDaily: string;
  fineGraceDays: number;
  fineCap: string;
  blockThreshold: string;
  maxHolds: number;
  holdPickupDays: number;
  dueSoonDays: number;
  overdueNoticeDays: string;
  cardValidityDays: number;
};

export function PolicyForm({ categoryId, values, currency }: { categoryId?: number; values: PolicyFormValues; currency: string }) {
  const { state, action, formRef, kept } = useFormAction(categoryId ? updatePolicyAction : createCategoryAction);
  // Ids stay unique when one page shows a form per category.
  const p = categoryId ? `c${categoryId}-` : "new-";
  const field = (name: string, label: string, value: string | number, hint?: string, inputMode: "numeric" | "decimal" | "text" = "numeric") => (
    <TextField
      key={name}
      label={label}
      name={`${p}${name}`}
      defaultValue={kept.value(name, value)}
      inputMode={inputMode}
      hint={hint}
      error={fieldError(state, name)}
      required
    />
  );
  return (
    <form
      key={kept.key}
      ref={formRef}
      action={(form) => {
        // The shared schema reads the plain field names.
        const data = new FormData();
        for (const [k, v] of form.entries()) data.set(k.startsWith(p) ? k.slice(p.length) : k, v);
        return action(data);
      }}
      className="space-y-4"
      noValidate
    >
      {categoryId && <input type="hidden" name="categoryId" value={categoryId} />}
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {!categoryId && field("code", "Code", "", "Capitals, like SENIOR.", "text")}
        {field("name", "Name", values.name, undefined, "text")}
        {field("loanPeriodDays", "Loan period (days)", values.loanPeriodDays)}
        {field("maxLoans", "Most loans at once", values.maxLoans)}
        {field("maxRenewals", "Renewals per loan", values.maxRenewals)}
        {field("fineDailyCents", `Fine per day (${currency})`, values.fineDaily, "Like 0.25.", "decimal")}
        {field("fineGraceDays", "Grace days before fines", values.fineGraceDays)}
        {field("fineCapCents", `Fine cap per loan (${currency})`, values.fineCap, "At least the daily fine.", "decimal")}
        {field("blockThresholdCents", `Block borrowing at fines of (${currency})`, values.blockThreshold, undefined, "decimal")}
        {field("maxHolds", "Most holds at once", values.maxHolds)}
        {field("holdPickupDays", "Pickup window (days)", values.holdPickupDays)}
        {field("dueSoonDays", "Due-soon notice (days before)", values.dueSoonDays)}
        {field("overdueNoticeDays", "Overdue notices (days after due)", values.overdueNoticeDays, 'Increasing, like "1,7,14".', "text")}
        {field("cardValidityDays", "Card validity (days)", values.cardValidityDays)}
      </div>
      <SubmitButton pendingText="Saving…">{categoryId ? `Save ${values.name} policy` : "Add category"}</SubmitButton>
    </form>
  );
}

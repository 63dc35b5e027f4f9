"use client";

import { updateRuleAction } from "@/app/admin/policies/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/** One cell of the matrix as the form shows it: "" inherits; `inherited` says what it would inherit. */
export type RuleFormValues = {
  loanPeriodDays: string;
  maxLoans: string;
  maxRenewals: string;
  fineDaily: string;
  fineGraceDays: string;
  fineCap: string;
  holdable: "inherit" | "yes" | "no";
  notForLoan: "inherit" | "yes" | "no";
};

export function RuleForm({
  categoryId,
  itemTypeId,
  heading,
  values,
  inherited,
  currency,
}: {
  categoryId: number | null;
  itemTypeId: number;
  heading: string;
  values: RuleFormValues;
  inherited: Record<keyof RuleFormValues, string>;
  currency: string;
}) {
  const { state, action, formRef, kept } = useFormAction(updateRuleAction);
  // Labels differ from the category form's (getByLabel matches substrings): each says it is the rule's.
  const field = (name: keyof RuleFormValues, schemaName: string, label: string, inputMode: "numeric" | "decimal" = "numeric") => (
    <TextField
      key={name}
      label={label}
      name={schemaName}
      id={`rule-${schemaName}`}
      defaultValue={kept.value(schemaName, values[name])}
      inputMode={inputMode}
      hint={`Blank inherits: ${inherited[name]}.`}
      error={fieldError(state, schemaName)}
    />
  );
  const yesNo = (name: "holdable" | "notForLoan", label: string, yes: string, no: string) => (
    <SelectField
      label={label}
      name={name}
      id={`rule-${name}`}
      defaultValue={kept.value(name, values[name])}
      error={fieldError(state, name)}
      choices={[
        { value: "inherit", label: `Inherit (${inherited[name]})` },
        { value: "yes", label: yes },
        { value: "no", label: no },
      ]}
    />
  );
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate aria-label={heading}>
      <input type="hidden" name="categoryId" value={categoryId ?? ""} />
      <input type="hidden" name="itemTypeId" value={itemTypeId} />
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {field("loanPeriodDays", "loanPeriodDays", "Rule: days on loan")}
        {field("maxLoans", "maxLoans", "Rule: most on loan of this type")}
        {field("maxRenewals", "maxRenewals", "Rule: renewals allowed")}
        {field("fineDaily", "fineDailyCents", `Rule: daily fine (${currency})`, "decimal")}
        {field("fineGraceDays", "fineGraceDays", "Rule: days of grace")}
        {field("fineCap", "fineCapCents", `Rule: most fine per loan (${currency})`, "decimal")}
        {yesNo("holdable", "Rule: reservable", "Reservable", "Not reservable")}
        {yesNo("notForLoan", "Rule: lending", "Library use only (not for loan)", "For loan")}
      </div>
      <SubmitButton pendingText="Saving…">Save rule</SubmitButton>
    </form>
  );
}

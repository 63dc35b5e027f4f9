import clsx from "clsx";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 placeholder:text-stone-500 aria-[invalid=true]:border-red-700";

/**
 * `id` defaults to the name; give one where two controls on a page share a name. `live` marks a
 * field whose error can appear without a submit (a file refused as it is chosen): the error
 * area is then always there, as a live region, so the error is announced when it appears.
 */
type FieldProps = { label: string; name: string; id?: string; error?: string; hint?: ReactNode; className?: string; live?: boolean };

/** What the control itself needs to be tied to its label, hint and error. */
type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };

/** A labelled control with its hint and error tied to it for screen readers. */
function FieldShell({ label, name, id = name, error, hint, className, live, control }: FieldProps & { control: (props: ControlProps) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClass })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {(error || live) && (
        <p id={`${id}-error`} aria-live={live ? "polite" : undefined} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Splits a field's own props from those of its control. */
function split<P extends FieldProps>({ label, name, id, error, hint, className, live, ...control }: P) {
  return [{ label, name, id, error, hint, className, live }, control] as const;
}

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const [field, input] = split(props);
  return <FieldShell {...field} control={(tie) => <input {...tie} {...input} />} />;
}

export function TextAreaField(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const [field, textarea] = split(props);
  return <FieldShell {...field} control={(tie) => <textarea {...tie} {...textarea} />} />;
}

export type Choice = { value: string; label: string };

/** A select; `choices` are its options (or pass <option> children). */
export function SelectField({ choices = [], children, ...props }: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & { choices?: Choice[] }) {
  const [field, select] = split(props);
  return (
    <FieldShell
      {...field}
      control={(tie) => (
        <select {...tie} {...select}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          {children}
        </select>
      )}
    />
  );
}

"use client";

import { type InputHTMLAttributes, useEffect, useRef, useState } from "react";
import { TextField } from "./field";

type Props = {
  label: string;
  name: string;
  hint?: string;
  /** The server's message for the field, from the last submit. */
  error?: string;
  /** The largest file the server takes, and what the field says above it. */
  maxBytes: number;
  tooLarge: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "accept" | "required">;

/**
 * A file input that refuses a file above `maxBytes` as soon as it is chosen: the file is let go,
 * the field says why, and its form is not sent until another file is chosen. A file larger than
 * the server action body limit would otherwise fail the whole request, and the page with it.
 */
export function FileField({ maxBytes, tooLarge, error, ...props }: Props) {
  const [refused, setRefused] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    const element = form.current;
    if (!refused || !element) return;
    // Stopped before React sees the submit, so neither a form action nor an onSubmit runs.
    const hold = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
    };
    element.addEventListener("submit", hold);
    return () => element.removeEventListener("submit", hold);
  }, [refused]);

  return (
    <TextField
      {...props}
      type="file"
      live
      error={refused ? tooLarge : error}
      onChange={(e) => {
        const input = e.currentTarget;
        form.current = input.form;
        const file = input.files?.[0];
        const tooBig = file !== undefined && file.size > maxBytes;
        if (tooBig) input.value = "";
        setRefused(tooBig);
      }}
    />
  );
}

"use client";

import clsx from "clsx";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { authorSuggestionHref, MIN_SUGGEST_LENGTH, type Suggestions, SUGGESTIONS_PATH, titleSuggestionHref } from "@/lib/search/suggestions";

type Option = { key: string; label: string; detail: string | null; href: string };

const DEBOUNCE_MS = 150;

function optionsOf(s: Suggestions): Option[] {
  return [
    ...s.titles.map((t) => ({ key: `t${t.id}`, label: t.title, detail: t.authorNames ? `by ${t.authorNames}` : null, href: titleSuggestionHref(t) })),
    ...s.authors.map((a) => ({ key: `a${a.name}`, label: a.name, detail: "author: all their books", href: authorSuggestionHref(a) })),
  ];
}

type Props = { id: string; defaultValue?: string; placeholder: string; className: string; maxLength?: number };

/**
 * The catalogue search box as a WAI-ARIA combobox: titles and authors are suggested as the patron
 * types; arrow keys move through them, Enter opens the one chosen (or searches the words when
 * none is), Escape closes the list. Without JavaScript it is the plain box of a GET form.
 */
export function SearchSuggestionsInput({ id, defaultValue, placeholder, className, maxLength = 200 }: Props) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState(defaultValue ?? "");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const pending = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      pending.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function ask(typed: string) {
    if (timer.current) clearTimeout(timer.current);
    pending.current?.abort();
    if (typed.trim().length < MIN_SUGGEST_LENGTH) {
      setOptions([]);
      setOpen(false);
      setActive(-1);
      return;
    }
    timer.current = setTimeout(async () => {
      // A newer keystroke aborts this request: its answer would be for words no longer typed.
      const controller = new AbortController();
      pending.current = controller;
      try {
        const response = await fetch(`${SUGGESTIONS_PATH}?q=${encodeURIComponent(typed)}`, { signal: controller.signal });
        if (!response.ok) return;
        const next = optionsOf((await response.json()) as Suggestions);
        setOptions(next);
        setOpen(next.length > 0);
        setActive(-1);
      } catch {
        // Aborted or offline: the box still searches on Enter.
      }
    }, DEBOUNCE_MS);
  }

  function choose(option: Option) {
    setOpen(false);
    router.push(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!open) {
        setOpen(true);
        setActive(step === 1 ? 0 : options.length - 1);
        return;
      }
      // Past either end the choice goes back to the words typed (-1), then round again.
      setActive((i) => ((i + 1 + step + options.length + 1) % (options.length + 1)) - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative w-full min-w-0 flex-1">
      <input
        id={id}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        className={clsx("w-full", className)}
        onChange={(e) => {
          setValue(e.target.value);
          ask(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(options.length > 0)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded-md border border-stone-300 bg-white py-1 text-left text-stone-900 shadow-lg"
      >
        {options.map((option, i) => (
          <li
            key={option.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Pressing keeps the focus in the box, so the list is still there for the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            className={clsx("cursor-pointer px-3 py-2", i === active ? "bg-brand-100" : "hover:bg-stone-100")}
          >
            <span className="block font-medium">{option.label}</span>
            {option.detail && <span className="block text-sm text-stone-700">{option.detail}</span>}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {expanded ? `${options.length} suggestion${options.length === 1 ? "" : "s"}; arrow keys to choose` : ""}
      </p>
    </div>
  );
}

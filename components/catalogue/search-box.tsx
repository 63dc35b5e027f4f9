import clsx from "clsx";
import { Search } from "lucide-react";
import { SearchSuggestionsInput } from "./search-suggestions-input";

const LOOKS = {
  // The home page's hero: a large box with a labelled button.
  large: {
    form: "mt-6 flex max-w-2xl flex-col gap-3 sm:flex-row",
    input: "min-h-12 flex-1 rounded-md border border-white px-4 text-lg text-stone-900 placeholder:text-stone-500",
    button: "justify-center gap-2 min-h-12 bg-white px-6 font-semibold text-brand-800 hover:bg-brand-50",
    icon: "size-5",
  },
  // Every page's header: a compact box with an icon button.
  compact: {
    form: "order-last items-center gap-2 sm:order-none sm:w-auto sm:flex-1",
    input: "rounded-md border border-stone-400 px-3 py-2 text-base",
    button: "min-h-10 bg-brand-700 px-3 text-white hover:bg-brand-800",
    icon: "size-4",
  },
};

/** The one catalogue search box: words or an ISBN, to /search?q=…. */
export function SearchBox({ id, look, placeholder, landmark }: { id: string; look: keyof typeof LOOKS; placeholder: string; landmark?: string }) {
  const style = LOOKS[look];
  return (
    <form action="/search" role="search" aria-label={landmark} className={clsx("flex w-full", style.form)}>
      <label htmlFor={id} className="sr-only">
        Search the catalogue
      </label>
      <SearchSuggestionsInput id={id} placeholder={placeholder} className={clsx("min-w-0 bg-white", style.input)} />
      <button type="submit" className={clsx("inline-flex items-center rounded-md", style.button)}>
        <Search aria-hidden className={style.icon} />
        <span className={look === "compact" ? "sr-only" : undefined}>Search</span>
      </button>
    </form>
  );
}

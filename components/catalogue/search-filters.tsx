import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FilterChoices } from "@/lib/search/list-filter-choices";
import { type SearchOptions, searchHref } from "@/lib/search/search-options";
import { FilterDisclosure } from "./filter-disclosure";
import { languageName } from "./language-name";

export const SEARCH_FORM_ID = "catalogue-search";

const labelClass = "block text-sm font-medium text-stone-800";

/** Filter controls; they belong to the page's search form (form attribute), so one submit carries all. */
export function SearchFilters({ options, choices }: { options: SearchOptions; choices: FilterChoices }) {
  const active = activeFilterCount(options);
  return (
    <FilterDisclosure summary={active > 0 ? `Filters (${active} on)` : "Filters"} defaultOpen={false}>
      <div className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="filter-genre" className={labelClass}>
            Genre
          </label>
          <select id="filter-genre" name="genre" form={SEARCH_FORM_ID} defaultValue={options.genre ?? ""} className={inputClass}>
            <option value="">All genres</option>
            {choices.genres.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-author" className={labelClass}>
            Author
          </label>
          <input
            id="filter-author"
            name="author"
            form={SEARCH_FORM_ID}
            defaultValue={options.author ?? ""}
            aria-describedby="filter-author-hint"
            autoComplete="off"
            className={inputClass}
          />
          <p id="filter-author-hint" className="text-sm text-stone-600">
            Full name, as on the title page
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-language" className={labelClass}>
            Language
          </label>
          <select id="filter-language" name="language" form={SEARCH_FORM_ID} defaultValue={options.language ?? ""} className={inputClass}>
            <option value="">Any language</option>
            {choices.languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className={labelClass}>Year published</legend>
          <div className="mt-1 grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <label htmlFor="filter-from" className="block text-sm text-stone-700">
                From
              </label>
              <input id="filter-from" name="from" form={SEARCH_FORM_ID} type="number" inputMode="numeric" step={1} defaultValue={options.yearFrom ?? ""} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-to" className="block text-sm text-stone-700">
                To
              </label>
              <input id="filter-to" name="to" form={SEARCH_FORM_ID} type="number" inputMode="numeric" step={1} defaultValue={options.yearTo ?? ""} className={inputClass} />
            </div>
          </div>
        </fieldset>
        <div className="flex items-center gap-2">
          <input
            id="filter-available"
            name="available"
            value="1"
            type="checkbox"
            form={SEARCH_FORM_ID}
            defaultChecked={options.availableNow}
            className="size-5 rounded border-stone-400 accent-brand-700"
          />
          <label htmlFor="filter-available" className="text-sm font-medium text-stone-800">
            Available now
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <button type="submit" form={SEARCH_FORM_ID} className={buttonClass("primary")}>
            Apply filters
          </button>
          {active > 0 && (
            <Link href={searchHref({ q: options.q, sort: options.sort })} className="text-sm font-medium text-brand-800 underline underline-offset-2">
              Clear filters
            </Link>
          )}
        </div>
      </div>
    </FilterDisclosure>
  );
}

export function activeFilterCount(options: SearchOptions): number {
  return [options.genre, options.author, options.language, options.yearFrom, options.yearTo, options.availableNow || null].filter((v) => v !== null).length;
}

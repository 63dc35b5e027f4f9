import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FilterChoices } from "@/lib/search/list-filter-choices";
import { type SearchOptions, searchHref, yearRangeError } from "@/lib/search/search-options";
import { FilterDisclosure } from "./filter-disclosure";
import { languageName } from "@/lib/catalogue/language-name";

export const SEARCH_FORM_ID = "catalogue-search";

const labelClass = "block text-sm font-medium text-stone-800";

/** Filter controls; they belong to the page's search form (form attribute), so one submit carries all. */
export function SearchFilters({ options, choices }: { options: SearchOptions; choices: FilterChoices }) {
  const active = activeFilterCount(options);
  const yearError = yearRangeError(options);
  const yearProblem = yearError ? ({ "aria-invalid": true, "aria-describedby": "filter-years-error" } as const) : {};
  const genreChoices = [{ value: "", label: "All genres" }, ...choices.genres.map((g) => ({ value: g.slug, label: g.name }))];
  const languageChoices = [{ value: "", label: "Any language" }, ...choices.languages.map((code) => ({ value: code, label: languageName(code) }))];
  return (
    <FilterDisclosure summary={active > 0 ? `Filters (${active} on)` : "Filters"} defaultOpen={yearError !== null}>
      <div className="space-y-4">
        <SelectField id="filter-genre" label="Genre" name="genre" form={SEARCH_FORM_ID} defaultValue={options.genre ?? ""} choices={genreChoices} />
        <TextField
          id="filter-author"
          label="Author"
          name="author"
          form={SEARCH_FORM_ID}
          defaultValue={options.author ?? ""}
          hint="Surname or full name"
          autoComplete="off"
        />
        <SelectField id="filter-language" label="Language" name="language" form={SEARCH_FORM_ID} defaultValue={options.language ?? ""} choices={languageChoices} />
        <fieldset>
          <legend className={labelClass}>Year published</legend>
          <div className="mt-1 grid grid-cols-2 gap-3">
            <TextField id="filter-from" label="From" name="from" form={SEARCH_FORM_ID} type="number" inputMode="numeric" step={1} defaultValue={options.yearFrom ?? ""} {...yearProblem} />
            <TextField id="filter-to" label="To" name="to" form={SEARCH_FORM_ID} type="number" inputMode="numeric" step={1} defaultValue={options.yearTo ?? ""} {...yearProblem} />
          </div>
          {yearError && (
            <p id="filter-years-error" className="mt-1 text-sm font-medium text-red-700">
              {yearError}
            </p>
          )}
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

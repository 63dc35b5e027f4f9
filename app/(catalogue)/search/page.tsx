import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActiveFilters } from "@/components/catalogue/active-filters";
import { Pagination } from "@/components/catalogue/pagination";
import { SEARCH_FORM_ID, SearchFilters } from "@/components/catalogue/search-filters";
import { SearchFacetsPanel } from "@/components/catalogue/search-facets";
import { SearchResults } from "@/components/catalogue/search-results";
import { SearchSuggestionsInput } from "@/components/catalogue/search-suggestions-input";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { listFilterChoices } from "@/lib/search/list-filter-choices";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { hasFilters, PAGE_SIZE, parseSearchParams, SORT_LABELS, SORTS, type SearchOptions, searchHref } from "@/lib/search/search-options";
import { getLibrarySettings } from "@/lib/settings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const options = parseSearchParams(await searchParams);
  return { title: options.q ? `“${options.q.slice(0, 60)}”: search` : "Search the catalogue" };
}

function heading(options: SearchOptions, genreName: string | undefined): string {
  if (options.q) return `Results for “${options.q.length > 80 ? `${options.q.slice(0, 80)}…` : options.q}”`;
  if (options.author) return `Books by ${options.author}`;
  if (genreName) return genreName;
  return "Browse the catalogue";
}

export default async function SearchPage({ searchParams }: Props) {
  const options = parseSearchParams(await searchParams);
  const [result, choices, settings] = await Promise.all([searchCatalogue({ ...options, facets: true }), listFilterChoices(), getLibrarySettings()]);
  const genreName = choices.genres.find((g) => g.slug === options.genre)?.name;
  const sortChoices = SORTS.filter((s) => s !== "relevance" || result.words.length > 0);

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold break-words sm:text-3xl">{heading(options, genreName)}</h1>
      <form id={SEARCH_FORM_ID} action="/search" role="search" aria-label="Catalogue search and filters" className="flex max-w-2xl gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search words
        </label>
        <SearchSuggestionsInput id="search-q" defaultValue={options.q} placeholder="Title, author, subject or ISBN" className={inputClass} />
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside aria-label="Filters" className="space-y-4 lg:self-start">
          <SearchFilters options={options} choices={choices} />
          {result.facets && <SearchFacetsPanel facets={result.facets} options={options} />}
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="results-heading" className="text-lg font-semibold">
              {resultCountText(result.total, result.totalIsCapped)}
            </h2>
            <div className="flex items-end gap-2">
              <div className="space-y-1">
                <label htmlFor="search-sort" className="block text-sm font-medium text-stone-800">
                  Sort by
                </label>
                <select id="search-sort" name="sort" form={SEARCH_FORM_ID} defaultValue={result.sort} className={inputClass}>
                  {sortChoices.map((s) => (
                    <option key={s} value={s}>
                      {SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" form={SEARCH_FORM_ID} className={buttonClass("secondary")}>
                Sort
              </button>
            </div>
          </div>
          <ActiveFilters options={options} choices={choices} />
          <SpellingNote correctedTo={result.correctedTo} partial={result.partial} />
          {result.hits.length > 0 ? (
            <>
              <SearchResults hits={result.hits} timeZone={settings.timeZone} firstPosition={(result.page - 1) * PAGE_SIZE + 1} />
              <Pagination options={options} page={result.page} pageCount={result.pageCount} />
            </>
          ) : (
            <NoResults options={options} searchable={result.searchable} beyondLastPage={result.total > 0} />
          )}
        </section>
      </div>
    </div>
  );
}

/** Says when the words searched are not the words typed, so a patron knows why these titles came. */
function SpellingNote({ correctedTo, partial }: { correctedTo: string | null; partial: boolean }) {
  if (!correctedTo && !partial) return null;
  return (
    <p role="status" className="text-stone-800">
      {partial ? "No title has every word; showing the titles with all of them but one." : <>Showing results for <strong>{correctedTo}</strong>.</>}
      {partial && correctedTo && (
        <>
          {" "}Did you mean <a href={`/search?q=${encodeURIComponent(correctedTo)}`} className="font-medium underline">{correctedTo}</a>?
        </>
      )}
    </p>
  );
}

function resultCountText(total: number, capped: boolean): string {
  if (capped) return `More than ${total.toLocaleString("en-US")} results`;
  return total === 1 ? "1 result" : `${total.toLocaleString("en-US")} results`;
}

function NoResults({ options, searchable, beyondLastPage }: { options: SearchOptions; searchable: boolean; beyondLastPage: boolean }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-6 text-stone-800">
      {beyondLastPage ? (
        <p>
          There are no results on this page.{" "}
          <Link href={searchHref({ ...options, page: 1 })} className="font-medium text-brand-800 underline underline-offset-2">
            Go to the first page
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium">{searchable ? "No titles match your search." : "Type a word, a name or an ISBN to search for."}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
            <li>Check the spelling, or try fewer or shorter words.</li>
            <li>Search by the author’s surname alone, or by the ISBN printed on the back of the book.</li>
            {searchable && hasFilters(options) && (
              <li>
                <Link href={searchHref({ q: options.q })} className="font-medium text-brand-800 underline underline-offset-2">
                  Search again without filters
                </Link>
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}

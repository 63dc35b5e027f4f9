import { Search } from "lucide-react";
import { TitleShelf } from "@/components/catalogue/title-shelf";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH, searchHref } from "@/lib/search/search-options";
import { getLibrarySettings } from "@/lib/settings";

const SHELF_SIZE = 6;

export default async function HomePage() {
  const settings = await getLibrarySettings();
  const [fresh, popular] = await Promise.all([
    searchCatalogue({ ...EMPTY_SEARCH, sort: "newest", count: false, pageSize: SHELF_SIZE }),
    searchCatalogue({ ...EMPTY_SEARCH, sort: "popularity", count: false, pageSize: SHELF_SIZE }),
  ]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-heading" className="rounded-xl bg-brand-700 px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 id="home-heading" className="font-serif text-3xl font-semibold sm:text-4xl">
          Find your next book at {settings.name}
        </h1>
        <p className="mt-2 text-brand-50">Search by title, author, subject or ISBN.</p>
        <form action="/search" role="search" aria-label="Catalogue" className="mt-6 flex max-w-2xl flex-col gap-3 sm:flex-row">
          <label htmlFor="home-search" className="sr-only">
            Search the catalogue
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            placeholder="e.g. hunger games, Rowling, 9780439023481"
            className="min-h-12 w-full min-w-0 flex-1 rounded-md border border-white bg-white px-4 text-lg text-stone-900 placeholder:text-stone-500"
          />
          <button type="submit" className="inline-flex min-h-12 items-center justify-center gap-2 rounded-md bg-white px-6 font-semibold text-brand-800 hover:bg-brand-50">
            <Search aria-hidden className="size-5" />
            Search
          </button>
        </form>
      </section>
      <TitleShelf id="shelf-new" heading="New in the library" hits={fresh.hits} moreHref={searchHref({ sort: "newest" })} timeZone={settings.timeZone} />
      <TitleShelf id="shelf-popular" heading="Popular" hits={popular.hits} moreHref={searchHref({ sort: "popularity" })} timeZone={settings.timeZone} />
    </div>
  );
}

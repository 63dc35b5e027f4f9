import { SearchBox } from "@/components/catalogue/search-box";
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
        <SearchBox id="home-search" look="large" landmark="Catalogue" placeholder="e.g. hunger games, Rowling, 9780439023481" />
      </section>
      <TitleShelf id="shelf-new" heading="New in the library" hits={fresh.hits} moreHref={searchHref({ sort: "newest" })} timeZone={settings.timeZone} eager />
      <TitleShelf id="shelf-popular" heading="Popular" hits={popular.hits} moreHref={searchHref({ sort: "popularity" })} timeZone={settings.timeZone} />
    </div>
  );
}

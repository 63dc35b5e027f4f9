import { X } from "lucide-react";
import { Link } from "@/components/ui/link";
import type { FilterChoices } from "@/lib/search/list-filter-choices";
import { type SearchOptions, searchHref } from "@/lib/search/search-options";
import { languageName } from "@/lib/catalogue/language-name";

/** The filters in force, each with a link that drops it. */
export function ActiveFilters({ options, choices }: { options: SearchOptions; choices: FilterChoices }) {
  const chips: { label: string; without: Partial<SearchOptions> }[] = [];
  if (options.genre) chips.push({ label: `Genre: ${choices.genres.find((g) => g.slug === options.genre)?.name ?? options.genre}`, without: { genre: null } });
  if (options.author) chips.push({ label: `Author: ${options.author}`, without: { author: null } });
  if (options.language) chips.push({ label: `Language: ${languageName(options.language)}`, without: { language: null } });
  if (options.yearFrom !== null) chips.push({ label: `From ${options.yearFrom}`, without: { yearFrom: null } });
  if (options.yearTo !== null) chips.push({ label: `To ${options.yearTo}`, without: { yearTo: null } });
  if (options.availableNow) chips.push({ label: "Available now", without: { availableNow: false } });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Filters in use" className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link
            href={searchHref({ ...options, ...chip.without, page: 1 })}
            className="inline-flex min-h-9 items-center gap-1 rounded-full border border-brand-600 bg-brand-50 px-3 text-sm text-brand-800 hover:bg-brand-100"
          >
            {chip.label}
            <X aria-hidden className="size-4" />
            <span className="sr-only">(remove)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { SearchHit } from "@/lib/search/search-catalogue";
import { AvailabilityLine } from "./availability-line";
import { Cover } from "./cover";

/**
 * A row of covers on the home page, with a link to the full list. The first shelf is in view as
 * the page opens (`eager`): its covers load at once, not after layout as lazy images do, and the
 * first row's on a phone (two) before anything else.
 */
export function TitleShelf({ id, heading, hits, moreHref, timeZone, eager = false }: { id: string; heading: string; hits: SearchHit[]; moreHref: string; timeZone: string; eager?: boolean }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={id} className="font-serif text-xl font-semibold">
          {heading}
        </h2>
        <a href={moreHref} className="text-sm font-medium text-brand-800 underline underline-offset-2">
          See all<span className="sr-only"> {heading.toLowerCase()}</span>
        </a>
      </div>
      {hits.length === 0 ? (
        <p className="text-stone-700">Nothing here yet.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
          {hits.map((hit, i) => (
            <li key={hit.id} className="flex flex-col gap-2">
              <Cover id={hit.id} coverPath={hit.coverPath} size="medium" priority={eager && (i < 2 ? "high" : true)} />
              <a href={`/books/${hit.id}`} className="line-clamp-2 font-medium leading-snug text-brand-800 underline-offset-2 hover:underline">
                {hit.title}
              </a>
              <p className="line-clamp-1 text-sm text-stone-700">{hit.authorNames || "Unknown author"}</p>
              <AvailabilityLine availability={hit.availability} timeZone={timeZone} className="text-xs" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

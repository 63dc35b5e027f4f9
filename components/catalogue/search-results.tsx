import { Link } from "@/components/ui/link";
import type { SearchHit } from "@/lib/search/search-catalogue";
import { AvailabilityLine } from "./availability-line";
import { Cover } from "./cover";

export function SearchResults({ hits, timeZone, firstPosition }: { hits: SearchHit[]; timeZone: string; firstPosition: number }) {
  return (
    <ol start={firstPosition} className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {hits.map((hit) => (
        <li key={hit.id} className="flex gap-4 p-4">
          <Cover id={hit.id} coverPath={hit.coverPath} />
          <div className="min-w-0 space-y-1">
            <h3 className="font-serif text-lg font-semibold leading-snug">
              <Link href={`/books/${hit.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                {hit.title}
              </Link>
            </h3>
            {hit.subtitle && <p className="text-sm text-stone-700">{hit.subtitle}</p>}
            <p className="text-sm text-stone-800">
              {hit.authorNames || "Unknown author"}
              {hit.year !== null && <span className="text-stone-600"> · {hit.year}</span>}
            </p>
            <AvailabilityLine availability={hit.availability} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ol>
  );
}

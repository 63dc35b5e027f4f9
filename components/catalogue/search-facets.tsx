import { Link } from "@/components/ui/link";
import { decadeRange, type FacetValue, type SearchFacets } from "@/lib/search/facets";
import { type SearchOptions, searchHref } from "@/lib/search/search-options";
import { FilterDisclosure } from "./filter-disclosure";

const linkClass = "flex min-h-9 items-center justify-between gap-2 rounded px-2 text-sm text-brand-800 hover:bg-brand-50";

function titles(count: number): string {
  return count === 1 ? "1 title" : `${count.toLocaleString("en-US")} titles`;
}

/** One facet value: a link setting its filter (or, when set, dropping it), its count read out with it. */
function FacetLink({ label, count, href, selected }: { label: string; count: number; href: string; selected: boolean }) {
  return (
    <li>
      <Link href={href} aria-current={selected ? "true" : undefined} className={linkClass}>
        <span className={selected ? "font-semibold" : undefined}>
          {selected && <span aria-hidden>✓ </span>}
          {label}
        </span>
        <span className="text-stone-700">
          <span aria-hidden>{count.toLocaleString("en-US")}</span>
          <span className="sr-only">
            , {titles(count)}
            {selected ? " (chosen; remove)" : ""}
          </span>
        </span>
      </Link>
    </li>
  );
}

function FacetGroup({ id, heading, values, options, set, isSelected }: {
  id: string;
  heading: string;
  values: FacetValue[];
  options: SearchOptions;
  set: (value: string | null) => Partial<SearchOptions>;
  isSelected: (value: string) => boolean;
}) {
  if (values.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold text-stone-900">
        {heading}
      </h3>
      <ul className="mt-1">
        {values.map((v) => {
          const selected = isSelected(v.value);
          return <FacetLink key={v.value} label={v.label} count={v.count} selected={selected} href={searchHref({ ...options, ...set(selected ? null : v.value), page: 1 })} />;
        })}
      </ul>
    </section>
  );
}

/** The matching titles counted by genre, author, language, decade and availability; each value narrows the search. */
export function SearchFacetsPanel({ facets, options }: { facets: SearchFacets; options: SearchOptions }) {
  const decadeOf = (o: SearchOptions) => (o.yearFrom !== null && o.yearTo === o.yearFrom + 9 && o.yearFrom % 10 === 0 ? String(o.yearFrom) : null);
  return (
    <FilterDisclosure summary="Narrow the results" defaultOpen={false}>
      <nav aria-label="Narrow the results" className="space-y-4">
        {facets.sampled && <p className="text-sm text-stone-700">Counted among the first 1,000 results.</p>}
        <section aria-labelledby="facet-available">
          <h3 id="facet-available" className="text-sm font-semibold text-stone-900">
            Availability
          </h3>
          <ul className="mt-1">
            <FacetLink label="On the shelf now" count={facets.available} selected={options.availableNow} href={searchHref({ ...options, availableNow: !options.availableNow, page: 1 })} />
          </ul>
        </section>
        <FacetGroup id="facet-genre" heading="Genre" values={facets.genre} options={options} set={(genre) => ({ genre })} isSelected={(v) => options.genre === v} />
        <FacetGroup id="facet-author" heading="Author" values={facets.author} options={options} set={(author) => ({ author })} isSelected={(v) => options.author === v} />
        <FacetGroup id="facet-language" heading="Language" values={facets.language} options={options} set={(language) => ({ language })} isSelected={(v) => options.language === v} />
        <FacetGroup
          id="facet-decade"
          heading="Decade published"
          values={facets.decade}
          options={options}
          set={(decade) => (decade === null ? { yearFrom: null, yearTo: null } : decadeRange(decade))}
          isSelected={(v) => decadeOf(options) === v}
        />
      </nav>
    </FilterDisclosure>
  );
}

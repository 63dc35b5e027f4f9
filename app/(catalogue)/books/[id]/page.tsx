import { hyphenate } from "isbn3";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AvailabilityLine } from "@/components/catalogue/availability-line";
import { CopiesTable } from "@/components/catalogue/copies-table";
import { Cover } from "@/components/catalogue/cover";
import { languageName } from "@/lib/catalogue/language-name";
import { BorrowPanel } from "@/app/(catalogue)/books/[id]/_components/borrow-panel";
import { Notice } from "@/components/ui/notice";
import { getTitle } from "@/lib/catalogue/get-title";
import { searchHref } from "@/lib/search/search-options";
import { getCurrentUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

type Props = { params: Promise<{ id: string }> };

const loadTitle = cache(async (raw: string) => {
  if (!/^\d{1,9}$/.test(raw)) return null;
  return getTitle(Number(raw));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await loadTitle((await params).id);
  return { title: title?.title ?? "Title not found" };
}

export default async function TitlePage({ params }: Props) {
  const [title, settings, user] = await Promise.all([loadTitle((await params).id), getLibrarySettings(), getCurrentUser()]);
  if (!title) notFound();

  const details: { term: string; value: string }[] = [];
  if (title.isbn13) details.push({ term: "ISBN", value: hyphenate(title.isbn13) || title.isbn13 });
  if (title.originalTitle) details.push({ term: "Original title", value: title.originalTitle });
  if (title.publisher) details.push({ term: "Publisher", value: title.publisher });
  if (title.year !== null) details.push({ term: "Published", value: String(title.year) });
  if (title.language) details.push({ term: "Language", value: languageName(title.language) });
  if (title.pageCount !== null) details.push({ term: "Pages", value: title.pageCount.toLocaleString("en-US") });

  return (
    <article className="space-y-8">
      <div className="flex flex-col gap-6 sm:flex-row">
        <Cover id={title.id} coverPath={title.coverPath} size="large" alt={`Cover of ${title.title}`} priority="high" />
        <div className="min-w-0 space-y-4">
          <header className="space-y-1">
            <h1 className="font-serif text-3xl font-semibold break-words">{title.title}</h1>
            {title.subtitle && <p className="text-lg text-stone-700">{title.subtitle}</p>}
            {title.authors.length > 0 && (
              <p className="text-lg">
                <span className="sr-only">By </span>
                {title.authors.map((author, i) => (
                  <span key={author.id}>
                    {i > 0 && ", "}
                    <Link href={searchHref({ author: author.name })} className="font-medium text-brand-800 underline underline-offset-2">
                      {author.name}
                    </Link>
                  </span>
                ))}
              </p>
            )}
          </header>
          {title.withdrawn ? (
            <Notice tone="warning">This title has been withdrawn from the catalogue.</Notice>
          ) : (
            <section aria-labelledby="availability-heading" className="rounded-lg border border-stone-200 bg-white p-4">
              <h2 id="availability-heading" className="text-sm font-medium text-stone-700">
                Availability
              </h2>
              <AvailabilityLine availability={title.availability} timeZone={settings.timeZone} className="mt-1 text-base font-medium" />
              <div className="mt-3">
                <BorrowPanel titleId={title.id} user={user} timeZone={settings.timeZone} />
              </div>
            </section>
          )}
          {details.length > 0 && (
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
              {details.map((d) => (
                <div key={d.term} className="contents">
                  <dt className="text-stone-600">{d.term}</dt>
                  <dd className="text-stone-900">{d.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {title.genres.length > 0 && (
            <div>
              <h2 className="text-sm font-medium text-stone-700">Genres</h2>
              <ul className="mt-1 flex flex-wrap gap-2">
                {title.genres.map((genre) => (
                  <li key={genre.id}>
                    <Link
                      href={searchHref({ genre: genre.slug })}
                      className="inline-flex min-h-9 items-center rounded-full border border-stone-300 bg-white px-3 text-sm text-brand-800 hover:bg-brand-50"
                    >
                      {genre.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>

      {title.description && (
        <section aria-labelledby="about-heading" className="max-w-prose space-y-2">
          <h2 id="about-heading" className="font-serif text-xl font-semibold">
            About this book
          </h2>
          <p className="whitespace-pre-line text-stone-800">{title.description}</p>
        </section>
      )}

      {!title.withdrawn && (
        <section aria-labelledby="copies-heading" className="space-y-3">
          <h2 id="copies-heading" className="font-serif text-xl font-semibold">
            Copies
          </h2>
          <CopiesTable copies={title.copies} timeZone={settings.timeZone} />
        </section>
      )}
    </article>
  );
}

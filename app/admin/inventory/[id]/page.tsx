import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddCopyForm, CopiesList, type PanelCopy } from "@/app/admin/inventory/_components/copies-panel";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CoverForm } from "@/app/admin/inventory/_components/cover-form";
import { TitleForm } from "@/app/admin/inventory/_components/title-form";
import { Cover } from "@/components/catalogue/cover";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatDate, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { SET_ASIDE_HOLD_STATUSES } from "@/lib/holds/statuses";
import { deleteTitleAction, restoreTitleAction, withdrawTitleAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireStaff();
  const id = Number((await params).id);
  const title = Number.isInteger(id) && id > 0 ? await db.title.findUnique({ where: { id }, select: { title: true } }) : null;
  return { title: title ? `Edit ${title.title}` : "Title not found" };
}

export default async function EditTitlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; restored?: string }> }) {
  await requireStaff();
  const [{ id: rawId }, { created, restored }] = await Promise.all([params, searchParams]);
  const stillWithdrawn = Number(restored);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [title, settings, itemTypes] = await Promise.all([
    db.title.findUnique({
      where: { id },
      include: {
        authors: { orderBy: { position: "asc" }, include: { author: true } },
        genres: { include: { genre: true }, orderBy: { genre: { name: "asc" } } },
        copies: {
          orderBy: { barcode: "asc" },
          include: {
            loans: { where: { returnedAt: null }, select: { dueAt: true, patron: { select: { name: true } } } },
            holds: { where: { status: { in: [...SET_ASIDE_HOLD_STATUSES] } }, select: { patron: { select: { name: true } } } },
          },
        },
      },
    }),
    getLibrarySettings(),
    db.itemType.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
  ]);
  if (!title) notFound();

  const copies: PanelCopy[] = title.copies.map((c) => {
    const loan = c.loans[0];
    const hold = c.holds[0];
    return {
      id: c.id,
      barcode: c.barcode,
      shelfLocation: c.shelfLocation,
      status: c.status,
      notes: c.notes,
      itemTypeCode: c.itemTypeCode,
      note: loan
        ? `Lent to ${loan.patron?.name ?? "a patron"}, due ${formatDate(loan.dueAt, settings.timeZone)}`
        : hold
          ? `Set aside for ${hold.patron.name}`
          : c.shelfLocation
            ? `Shelf: ${c.shelfLocation}`
            : null,
    };
  });

  return (
    <div className="space-y-10">
      <div>
        <PageHeader
          back={{ href: "/admin/inventory", label: "Inventory" }}
          title={title.title}
          description={
            <>
              {title.withdrawnAt ? `Withdrawn on ${formatDate(title.withdrawnAt, settings.timeZone)}. ` : ""}
              <Link href={`/books/${title.id}`} className="text-brand-800 underline">
                View in the catalogue
              </Link>
            </>
          }
        />
        {created && <Notice tone="success">Title added. Now add its copies below.</Notice>}
        {restored !== undefined && !title.withdrawnAt && (
          <Notice tone="success">
            {stillWithdrawn > 0
              ? `Title restored to the catalogue. Its ${plural(stillWithdrawn, "copy stays", "copies stay")} withdrawn: set each one you still have to Available below.`
              : "Title restored to the catalogue. Add its copies below."}
          </Notice>
        )}
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="record-heading">
          <h2 id="record-heading" className="mb-4 text-lg font-semibold">
            Record
          </h2>
          <TitleForm
            titleId={title.id}
            values={{
              title: title.title,
              subtitle: title.subtitle ?? "",
              originalTitle: title.originalTitle ?? "",
              authors: title.authors.map((a) => a.author.name).join("\n"),
              genres: title.genres.map((g) => g.genre.name).join(", "),
              isbn: title.isbn13 ?? "",
              publisher: title.publisher ?? "",
              year: title.year?.toString() ?? "",
              language: title.language ?? "",
              pages: title.pageCount?.toString() ?? "",
              description: title.description ?? "",
            }}
          />
        </section>
        <section aria-labelledby="cover-heading" className="space-y-4">
          <h2 id="cover-heading" className="text-lg font-semibold">
            Cover
          </h2>
          <Cover id={title.id} coverPath={title.coverPath} size="medium" alt={`Cover of ${title.title}`} />
          <CoverForm titleId={title.id} />
        </section>
      </div>

      <section aria-labelledby="copies-heading" className="space-y-4">
        <h2 id="copies-heading" className="text-lg font-semibold">
          Copies
        </h2>
        <CopiesList titleId={title.id} copies={copies} titleWithdrawn={title.withdrawnAt !== null} itemTypes={itemTypes} />
        {!title.withdrawnAt && (
          <div className="rounded-lg border border-stone-200 bg-stone-50 p-4">
            <h3 className="mb-3 font-semibold">Add a copy</h3>
            <AddCopyForm titleId={title.id} itemTypes={itemTypes} />
          </div>
        )}
      </section>

      {title.withdrawnAt && (
        <section aria-labelledby="restore-heading" className="space-y-3">
          <h2 id="restore-heading" className="text-lg font-semibold">
            Restore this title
          </h2>
          <p className="text-sm text-stone-700">Restoring returns the title to the public catalogue. Its copies stay withdrawn until you put each one you still have back on the shelf.</p>
          <ConfirmAction
            action={restoreTitleAction}
            fields={{ titleId: title.id }}
            label="Restore title"
            question={`Restore “${title.title}” to the catalogue? Its withdrawn copies stay withdrawn.`}
            confirmLabel="Yes, restore the title"
          />
        </section>
      )}

      <section aria-labelledby="remove-heading" className="space-y-3">
        <h2 id="remove-heading" className="text-lg font-semibold">
          Remove this title
        </h2>
        <p className="text-sm text-stone-700">
          Withdrawing keeps the title and its history for reports; deleting is only for a title catalogued by mistake that was never lent or reserved.
        </p>
        <div className="flex flex-wrap gap-3">
          <ConfirmAction
            action={withdrawTitleAction}
            fields={{ titleId: title.id }}
            label="Withdraw title"
            question={`Withdraw “${title.title}” and all its copies? It leaves the public catalogue but stays in the records.`}
            confirmLabel="Yes, withdraw the title"
            done={title.withdrawnAt !== null}
          />
          <ConfirmAction
            action={deleteTitleAction}
            fields={{ titleId: title.id }}
            label="Delete title"
            variant="danger"
            question={`Delete “${title.title}” and its copies for good? This cannot be undone.`}
            confirmLabel="Yes, delete the title"
          />
        </div>
      </section>
    </div>
  );
}

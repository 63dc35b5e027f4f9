import Link from "next/link";
import { RunDailyJobButton } from "@/app/admin/notifications/_components/run-daily-job-button";
import { SendPendingButton } from "@/app/admin/notifications/_components/send-pending-button";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import type { DeliveryStatus } from "@/lib/generated/sqlite/enums";
import { getMailer } from "@/lib/notifications/mailer";
import { emailOutbox } from "@/lib/notifications/outbox";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Notifications outbox" };

const STATUSES: DeliveryStatus[] = ["PENDING", "SENT", "FAILED"];

type Email = Awaited<ReturnType<typeof emailOutbox>>["rows"][number];

const columns = (timeZone: string): Column<Email>[] => [
  { header: "Created", cell: (n) => formatDateTime(n.createdAt, timeZone), className: "whitespace-nowrap" },
  { header: "To", cell: (n) => <>{n.user.name}<span className="block text-xs text-stone-600">{n.user.email}</span></> },
  {
    header: "Message",
    cell: (n) => (
      <details className="group">
        <summary className="cursor-pointer font-medium text-stone-900 underline-offset-2 hover:underline">
          {n.subject}
          <span className="sr-only"> (show the message)</span>
        </summary>
        <pre className="mt-2 max-w-prose rounded border border-stone-200 bg-stone-50 p-2 font-sans text-sm whitespace-pre-wrap break-words text-stone-800">{n.body}</pre>
      </details>
    ),
  },
  { header: "Status", cell: (n) => <>{n.status.toLowerCase()}{n.lastError && <span className="block text-xs text-red-800">{n.lastError}</span>}</> },
  { header: "Attempts", cell: (n) => n.attempts },
];

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requireStaff();
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const page = Math.max(1, Number(params.page) || 1);
  const [{ rows, pages, counts }, settings] = await Promise.all([emailOutbox({ status, page }), getLibrarySettings()]);
  const mailer = getMailer();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications outbox"
        description={`${mailer.kind === "smtp" ? "Email goes out through the SMTP server." : "No SMTP server is configured: emails are written to the data/mail-outbox folder."} The daily job (reminders, overdue notices, expired holds) also runs on its schedule; running it again sends nothing twice.`}
        actions={
          <div className="flex flex-wrap items-start gap-3">
            <SendPendingButton />
            <RunDailyJobButton />
          </div>
        }
      />
      <nav aria-label="Delivery status" className="flex flex-wrap gap-3 text-sm">
        <Link href="/admin/notifications" aria-current={!status ? "page" : undefined} className="underline">All</Link>
        {STATUSES.map((s) => (
          <Link key={s} href={`/admin/notifications?status=${s}`} aria-current={status === s ? "page" : undefined} className="underline">
            {s.toLowerCase()} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <DataTable rows={rows} columns={columns(settings.timeZone)} caption="Emails in the outbox" />
      {rows.length === 0 && <p>No emails.</p>}
      <SimplePagination page={page} pages={pages} href={(p) => `/admin/notifications?page=${p}${status ? `&status=${status}` : ""}`} />
    </div>
  );
}

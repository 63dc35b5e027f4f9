import Link from "next/link";
import { markReadAction } from "@/app/account/actions";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { inbox } from "@/lib/notifications/inbox";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const [notices, settings] = await Promise.all([inbox(user.id), getLibrarySettings()]);
  const unread = notices.filter((n) => !n.readAt).length;
  return (
    <div>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread` : "All read"}
        actions={
          unread > 0 && (
            <form action={markReadAction}>
              <button type="submit" className={buttonClass("secondary")}>
                Mark all as read
              </button>
            </form>
          )
        }
      />
      {notices.length === 0 ? (
        <p>Nothing yet. We will tell you here when a reservation is ready or a loan is due.</p>
      ) : (
        <ul className="space-y-3">
          {notices.map((n) => (
            <li key={n.id} className={`rounded-lg border p-4 ${n.readAt ? "border-stone-200 bg-white" : "border-brand-600 bg-brand-50"}`}>
              <h2 className="font-semibold">
                {!n.readAt && <span className="sr-only">Unread: </span>}
                {n.subject}
              </h2>
              <p className="mt-1 whitespace-pre-line text-stone-800">{n.body.split("\n\n")[0]}</p>
              <p className="mt-2 flex flex-wrap items-center gap-4 text-sm text-stone-600">
                <span>{formatDateTime(n.createdAt, settings.timeZone)}</span>
                {n.link && (
                  <Link href={n.link} className="font-medium text-brand-700 underline">
                    Open
                  </Link>
                )}
              </p>
              {!n.readAt && (
                <form action={markReadAction} className="mt-2">
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" className={buttonClass("ghost")} aria-label={`Mark as read: ${n.subject}`}>
                    Mark as read
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

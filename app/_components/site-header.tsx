import { Bell, BookOpen, LayoutDashboard, LogIn, UserRound } from "lucide-react";
import { Link } from "@/components/ui/link";
import { signOutAction } from "@/app/(auth)/actions";
import { SearchBox } from "@/components/catalogue/search-box";
import { currentLoanCount } from "@/lib/circulation/patron-loans";
import { unreadCount } from "@/lib/notifications/inbox";
import { getCurrentUser, isStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export async function SiteHeader() {
  const [user, settings] = await Promise.all([getCurrentUser(), getLibrarySettings()]);
  const [loans, unread] = user ? await Promise.all([currentLoanCount(user.id), unreadCount(user.id)]) : [0, 0];
  return (
    <header className="border-b border-stone-200 bg-white no-print">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-xl font-semibold text-brand-800">
          {settings.name}
        </Link>
        <SearchBox id="site-search" look="compact" placeholder="Title, author, subject or ISBN" />
        <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
          {user ? (
            <>
              {isStaff(user.role) && (
                <Link href="/admin" className="inline-flex min-h-10 items-center gap-1 rounded-md px-2 font-medium text-brand-800 hover:bg-brand-50">
                  <LayoutDashboard aria-hidden className="size-4" />
                  Staff dashboard
                </Link>
              )}
              <Link
                href="/account/loans"
                aria-label={`My loans (${loans})`}
                className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-brand-800 hover:bg-brand-50"
              >
                <BookOpen aria-hidden className="size-5" />
                <span aria-hidden className="absolute -right-1 -top-1 min-w-5 rounded-full bg-brand-700 px-1 text-center text-xs leading-5 text-white">
                  {loans}
                </span>
              </Link>
              <Link
                href="/account/notifications"
                aria-label={`Notifications (${unread} unread)`}
                className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-brand-800 hover:bg-brand-50"
              >
                <Bell aria-hidden className="size-5" />
                {unread > 0 && (
                  <span aria-hidden className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 text-white">
                    {unread}
                  </span>
                )}
              </Link>
              <Link href="/account" className="inline-flex min-h-10 items-center gap-1 rounded-md px-2 font-medium text-brand-800 hover:bg-brand-50">
                <UserRound aria-hidden className="size-4" />
                My account
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="min-h-10 rounded-md px-2 font-medium text-stone-700 hover:bg-stone-100">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="inline-flex min-h-10 items-center gap-1 rounded-md px-2 font-medium text-brand-800 hover:bg-brand-50">
                <LogIn aria-hidden className="size-4" />
                Sign in
              </Link>
              <Link href="/register" className="inline-flex min-h-10 items-center rounded-md px-2 font-medium text-brand-800 hover:bg-brand-50">
                Register
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

import { PreferencesForm } from "@/app/account/settings/_components/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { getPreferences } from "@/lib/notifications/preferences";
import { requireUser } from "@/lib/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const choices = await getPreferences(user.id);
  return (
    <div className="max-w-2xl">
      <PageHeader title="Notification settings" description="Choose how we tell you about each kind of notice." />
      <PreferencesForm kinds={NOTIFICATION_KINDS} choices={choices} />
    </div>
  );
}

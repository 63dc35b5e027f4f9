import { SettingsForm } from "@/app/admin/settings/_components/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { timeZoneChoices } from "@/lib/policies/schemas";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Library settings" };

export default async function SettingsPage() {
  await requireRole("ADMIN");
  const settings = await getLibrarySettings();
  const zones = timeZoneChoices();
  return (
    <div className="space-y-6">
      <PageHeader title="Library settings" description="The library's name, time zone, currency, when the daily notices go out and how returns work." />
      <SettingsForm values={settings} timeZones={zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones]} />
    </div>
  );
}

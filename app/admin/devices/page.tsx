import { DeviceControls } from "@/app/admin/devices/_components/device-controls";
import { NewDeviceForm } from "@/app/admin/devices/_components/new-device-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { SIP_OPERATION_LABELS } from "@/lib/sip2/operations";
import { listSipDevices } from "@/lib/sip2/list-devices";

export const metadata = { title: "Self-check devices" };

export default async function DevicesPage() {
  await requireRole("ADMIN");
  const [devices, settings] = await Promise.all([listSipDevices(), getLibrarySettings()]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Self-check devices"
        description="Kiosks, return boxes and e-book vendors sign in over SIP2 with these accounts. Each does only what it is allowed, under the same rules as the desk, and every action is in the audit log with the device's name."
      />
      <section aria-labelledby="devices-heading" className="space-y-3">
        <h2 id="devices-heading" className="text-lg font-semibold">
          Devices
        </h2>
        <DataTable
          empty="No devices yet."
          caption="SIP2 devices"
          rows={devices}
          columns={[
            { header: "Login", cell: (d) => <span className="font-medium">{d.login}</span> },
            { header: "Location", cell: (d) => d.location || "—" },
            { header: "Institution", cell: (d) => d.institutionId },
            { header: "May do", cell: (d) => d.operations.map((op) => SIP_OPERATION_LABELS[op].split(" (")[0]).join(", ") },
            { header: "State", cell: (d) => (d.enabled ? "On" : "Off") },
            { header: "Last seen", cell: (d) => (d.lastSeenAt ? formatDateTime(d.lastSeenAt, settings.timeZone) : "Never") },
            { header: "Actions", cell: (d) => <DeviceControls deviceId={d.id} login={d.login} enabled={d.enabled} /> },
          ]}
        />
      </section>
      <section aria-labelledby="new-device-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-device-heading" className="text-lg font-semibold">
          Add a device
        </h2>
        <NewDeviceForm />
      </section>
    </div>
  );
}

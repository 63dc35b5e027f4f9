import { revokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { NewApiKeyForm } from "@/app/admin/api-keys/_components/new-api-key-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireRole("ADMIN");
  const [keys, settings] = await Promise.all([listApiKeys(), getLibrarySettings()]);
  const when = (d: Date | null, none: string) => (d ? formatDateTime(d, settings.timeZone) : none);
  return (
    <div className="space-y-8">
      <PageHeader
        title="API keys"
        description="Other systems (a discovery layer, a school's timetable, a script) call the REST API with these keys. Each key does only what its scopes allow, under the same rules as the desk, and every change it makes is in the audit log with the key's name. Reading the catalogue needs no key."
      />
      <p>
        The API is described at{" "}
        <a href="/api/docs" className="underline">
          /api/docs
        </a>{" "}
        (the OpenAPI document is at <code>/api/v1/openapi.json</code>).
      </p>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Keys
        </h2>
        <DataTable
          empty="No keys yet."
          caption="API keys"
          rows={keys}
          columns={[
            { header: "Name", cell: (k) => <span className="font-medium">{k.name}</span> },
            { header: "Starts with", cell: (k) => <code>{k.prefix}…</code> },
            { header: "Scopes", cell: (k) => k.scopes.join(", ") },
            { header: "Created", cell: (k) => `${when(k.createdAt, "")}${k.createdBy ? ` by ${k.createdBy}` : ""}` },
            { header: "Last used", cell: (k) => when(k.lastUsedAt, "Never") },
            {
              header: "State",
              // One ConfirmAction per row whatever the state, so its message stays once the key is revoked.
              cell: (k) => (
                <div className="space-y-1">
                  {k.revokedAt && <p>Revoked {when(k.revokedAt, "")}</p>}
                  <ConfirmAction
                    action={revokeApiKeyAction}
                    fields={{ keyId: k.id }}
                    label="Revoke"
                    accessibleName={`Revoke ${k.name}`}
                    question={`Revoke ${k.name}? Every request with it is refused from now on; this cannot be undone.`}
                    confirmLabel="Yes, revoke it"
                    confirmName={`Yes, revoke it: ${k.name}`}
                    done={k.revokedAt !== null}
                  />
                </div>
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="new-key-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-key-heading" className="text-lg font-semibold">
          Create a key
        </h2>
        <NewApiKeyForm />
      </section>
    </div>
  );
}

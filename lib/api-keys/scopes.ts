// What an API key may do. No server imports: the dashboard's form reads the labels.

export const API_SCOPES = ["catalogue:read", "catalogue:write", "patrons:read", "circulation:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "catalogue:read": "Read the catalogue (catalogue:read)",
  "catalogue:write": "Add and edit titles and copies (catalogue:write)",
  "patrons:read": "Look up patrons (patrons:read)",
  "circulation:write": "Check out, check in, renew, place and cancel holds (circulation:write)",
};

/** The scopes stored in a key's row ("catalogue:read,patrons:read"), unknown ones dropped. */
export function readScopes(stored: string): ApiScope[] {
  return stored
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}

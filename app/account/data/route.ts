import { getCurrentUser } from "@/lib/session";
import { exportAccountData } from "@/lib/patrons/export-account-data";

/** The signed-in account's own data, as a JSON download. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  return new Response(JSON.stringify(await exportAccountData(user.id), null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="library-account-${user.cardNumber}.json"`,
      "cache-control": "no-store",
    },
  });
}

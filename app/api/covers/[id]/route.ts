import { coverSvg } from "@/lib/catalogue/cover-svg";
import { db } from "@/lib/db";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  const title = await db.title.findUnique({ where: { id }, select: { title: true, authorNames: true } });
  if (!title) return new Response("Not found", { status: 404 });
  const author = title.authorNames.split(", ")[0] ?? "";
  return new Response(coverSvg(id, title.title, author), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=86400, stale-while-revalidate=604800" },
  });
}

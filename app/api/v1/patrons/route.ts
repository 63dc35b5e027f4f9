import { listPatrons } from "@/lib/patrons/list-patrons";
import { PATRON_PAGE_SIZE } from "@/lib/patrons/patron-list-options";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { patron } from "@/lib/rest/resources";

export const GET = handle(OPERATIONS.listPatrons, async ({ query }) => {
  const result = await listPatrons({ q: query.q, status: query.status ?? null, category: null, filter: null, sort: "name", dir: "asc", page: query.page });
  return { data: result.rows.map(patron), page: result.page, pageSize: PATRON_PAGE_SIZE, pageCount: result.pageCount, total: result.total };
});

import { createTitle } from "@/lib/catalogue/create-title";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { titleSummary } from "@/lib/rest/resources";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { PAGE_SIZE, yearRangeError } from "@/lib/search/search-options";
import { getLibrarySettings } from "@/lib/settings";

export const GET = handle(OPERATIONS.searchTitles, async ({ query }) => {
  const options = {
    q: query.q,
    genre: query.genre ?? null,
    author: query.author ?? null,
    language: query.language ?? null,
    yearFrom: query.from ?? null,
    yearTo: query.to ?? null,
    availableNow: query.available === "true",
    sort: query.sort ?? null,
    page: query.page,
  };
  const wrongYears = yearRangeError(options);
  if (wrongYears) throw new DomainError("INVALID_INPUT", wrongYears, { from: wrongYears });
  const [result, settings] = await Promise.all([searchCatalogue(options), getLibrarySettings()]);
  const at = now();
  return {
    data: result.hits.map((hit) => titleSummary(hit, settings.timeZone, at)),
    page: result.page,
    pageSize: PAGE_SIZE,
    pageCount: result.pageCount,
    total: result.total,
    totalIsCapped: result.totalIsCapped,
  };
});

export const POST = handle(OPERATIONS.createTitle, ({ body, key }) => createTitle({ input: body, actorId: key.actorId, via: key.via }));

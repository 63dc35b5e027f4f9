import { openApiDocument } from "@/lib/rest/openapi";

/** The API's OpenAPI 3.1 document, generated from the schemas the handlers validate with. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

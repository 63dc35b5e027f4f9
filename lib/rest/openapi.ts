import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { API_SCOPES } from "../api-keys/scopes";
import { OPERATIONS, type Operation, type ProblemStatus } from "./operations";
import { problemSchema } from "./resources";

// The OpenAPI 3.1 document of API v1, generated from the operations' zod schemas
// (operations.ts), which are also what the handlers validate with.

export const API_BASE = "/api/v1";

export const PROBLEM_TITLES: Record<ProblemStatus, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
};

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: "The body is not JSON.",
  401: "No API key where one is needed, or the key is unknown or revoked.",
  403: "The API key does not hold the scope the operation needs.",
  404: "No such record.",
  409: "Refused by the library's rules (a loan limit, a copy already lent, a hold already placed…); `reason` says which.",
  415: "The body is not sent as application/json.",
  422: "The request does not pass validation; `fields` says what is wrong with each field.",
  429: "Over the rate limit: wait for Retry-After seconds.",
};

const rateHeaders = z.object({
  "RateLimit-Limit": z.number().int().meta({ description: "Requests allowed in the current window (per key, or per address without a key)." }),
  "RateLimit-Remaining": z.number().int().meta({ description: "Requests left in the current window." }),
});

function responses(op: Operation): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {
    [`${op.success.status}`]: {
      description: op.success.description,
      headers: rateHeaders,
      ...(op.success.schema ? { content: { "application/json": { schema: op.success.schema } } } : {}),
    },
  };
  for (const status of op.problems) {
    out[`${status}`] = {
      description: PROBLEM_DESCRIPTIONS[status],
      ...(status === 429 ? { headers: z.object({ "Retry-After": z.number().int().meta({ description: "Seconds until the window ends." }) }) } : {}),
      content: { "application/problem+json": { schema: problemSchema } },
    };
  }
  return out;
}

function operation(op: Operation): ZodOpenApiOperationObject {
  const security: Record<string, string[]>[] = op.public ? [{}, { apiKey: [op.scope] }] : [{ apiKey: [op.scope] }];
  const who = op.public ? `Anyone; a key sent must hold \`${op.scope}\`.` : `An API key with the scope \`${op.scope}\`.`;
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, `**Who may call it:** ${who}`].filter(Boolean).join("\n\n"),
    tags: [op.tag],
    security,
    ...(op.params || op.query ? { requestParams: { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query } : {}) } } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses: responses(op),
  };
}

let built: ReturnType<typeof createDocument> | null = null;

/** The document, built once per process from the same schemas the handlers use. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  if (built) return built;
  const paths: ZodOpenApiPathsObject = {};
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  }
  built = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stacks API",
      version: "1.0.0",
      description:
        "The library's catalogue, patrons and circulation for other systems. Catalogue reads are open to anyone; everything else needs an API key an administrator creates at /admin/api-keys, sent as `Authorization: Bearer <key>`. Errors are RFC 9457 problem details (application/problem+json).",
    },
    servers: [{ url: API_BASE }],
    tags: [
      { name: "Catalogue", description: "Titles, copies and availability." },
      { name: "Patrons", description: "Accounts and their borrowing status (staff systems only)." },
      { name: "Circulation", description: "Check-out, check-in, renewals and holds, under the desk's rules." },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key (stk_…). Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
    },
  });
  return built;
}

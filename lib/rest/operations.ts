import { z } from "zod";
import type { ApiScope } from "../api-keys/scopes";
import { addCopySchema, titleSchema } from "../catalogue/schemas";
import { barcodeSchema, cancelHoldReasonSchema, deskCheckOutSchema } from "../circulation/schemas";
import { PATRON_PAGE_SIZE, PATRON_STATUSES } from "../patrons/patron-list-options";
import { MAX_PAGE, SORTS } from "../search/search-options";
import {
  availabilitySchema,
  checkInSchema,
  copyListSchema,
  createdCopySchema,
  createdTitleSchema,
  holdSchema,
  loanSchema,
  patronPageSchema,
  renewalSchema,
  titlePageSchema,
  titleResourceSchema,
} from "./resources";

// Every operation of API v1, once: its address, who may call it, the zod schemas its request is
// validated with and its answer is built to. The OpenAPI document (openapi.ts) and the route
// handlers (handle.ts) both read these, so the document says what the code does.

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429;

export type Operation = {
  operationId: string;
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI's path under /api/v1, with {param}s. */
  path: string;
  summary: string;
  description?: string;
  tag: "Catalogue" | "Patrons" | "Circulation";
  /** The scope a key needs. */
  scope: ApiScope;
  /** True for catalogue reads anyone may make without a key (a key sent must still hold the scope). */
  public?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  problems: ProblemStatus[];
};

/** Ids are 32-bit in both databases: anything larger is refused before it reaches a query. */
const MAX_ID = 2_147_483_647;

/**
 * A whole number sent as text (a path or query parameter): digits only, so "", "1e1" or "0x10"
 * are refused rather than read as numbers. The document shows the number it becomes.
 */
const integerParam = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === "string" && /^-?\d{1,10}$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max));

const positiveId = (description: string) => integerParam(1, MAX_ID).meta({ param: { description } });
const jsonId = z.number().int().min(1).max(MAX_ID);

const titleParams = z.object({ titleId: positiveId("The title's id.") });
const loanParams = z.object({ loanId: positiveId("The loan's id.") });
const holdParams = z.object({ holdId: positiveId("The hold's id.") });

// Request bodies: the JSON shape first (what the document shows and a client must send, without
// the forms' leniency for text boxes), then the very schema the desk's or inventory's form uses.
/** The JSON shape piped into the form's schema, whose input type is looser than the shape's output. */
function shapedAs<S extends z.ZodObject, F extends z.ZodType>(shape: S, form: F) {
  return shape.pipe(form as unknown as z.ZodType<z.output<F>, z.output<S>>);
}

const text = (max: number) => z.string().max(max).nullable().optional();
const names = (max: number) => z.array(z.string().max(200)).max(max).optional();

const titleInput = shapedAs(
  z.object({
    title: z.string().max(300).meta({ description: "Required; not blank." }),
    subtitle: text(300),
    originalTitle: text(300),
    authors: names(100).meta({ description: "In the order the title page gives them." }),
    genres: names(20),
    isbn: z.string().max(20).nullable().optional().meta({ description: "ISBN-10 or ISBN-13, hyphens allowed; stored as ISBN-13." }),
    publisher: text(200),
    year: z.number().int().min(0).max(9999).nullable().optional(),
    language: z.string().max(3).nullable().optional().meta({ description: "A 2- or 3-letter code, e.g. en or fra." }),
    pages: z.number().int().min(1).max(100_000).nullable().optional(),
    description: text(10_000),
  }),
  titleSchema,
).meta({ id: "TitleInput" });

const copyInput = shapedAs(
  z.object({
    barcode: z.string().max(40).optional().meta({ description: "Letters, digits and hyphens; empty or left out for the next generated one." }),
    shelfLocation: z.string().max(100).optional(),
  }),
  addCopySchema.omit({ titleId: true }),
).meta({ id: "CopyInput" });

const barcode = z.string().max(64).meta({ description: "The copy's barcode, as scanned." });
const checkOutInput = shapedAs(z.object({ patronId: jsonId, barcode }), deskCheckOutSchema).meta({ id: "CheckOutInput" });
const checkInInput = shapedAs(z.object({ barcode }), barcodeSchema).meta({ id: "CheckInInput" });
const holdInput = z.object({ patronId: jsonId, titleId: jsonId }).meta({ id: "HoldInput" });
const cancellationInput = shapedAs(z.object({ reason: z.string().max(300).meta({ description: "Why, in words the patron is sent." }) }), cancelHoldReasonSchema).meta({
  id: "HoldCancellationInput",
});

const READ: ProblemStatus[] = [401, 403, 422, 429];
const WRITE: ProblemStatus[] = [400, 401, 403, 409, 415, 422, 429];

const titleSearchQuery = z.object({
  q: z.string().max(5_000).default("").meta({ description: "Words, an author, or an ISBN, as typed in the catalogue's search box." }),
  genre: z.string().max(100).optional().meta({ description: "A genre's slug, e.g. science-fiction." }),
  author: z.string().max(200).optional().meta({ description: "An author's name." }),
  language: z.string().max(20).optional().meta({ description: "A language code, e.g. en." }),
  from: integerParam(-9999, 9999).optional().meta({ description: "Published in or after this year." }),
  to: integerParam(-9999, 9999).optional().meta({ description: "Published in or before this year." }),
  available: z.enum(["true", "false"]).default("false").meta({ description: "true: only titles with a copy on the shelf now." }),
  sort: z.enum(SORTS).optional().meta({ description: "relevance with words to rank by, popularity without, unless given." }),
  page: integerParam(1, MAX_PAGE).default(1).meta({ description: `The page, 20 titles each; at most ${MAX_PAGE}.` }),
});

const patronQuery = z.object({
  q: z.string().max(200).default("").meta({ description: "Part of a name, email or card number." }),
  status: z.enum(PATRON_STATUSES).optional(),
  page: integerParam(1, 1_000_000).default(1).meta({ description: `The page, ${PATRON_PAGE_SIZE} patrons each.` }),
});

export const OPERATIONS = {
  searchTitles: {
    operationId: "searchTitles",
    method: "get",
    path: "/titles",
    summary: "Search the catalogue",
    description: "The catalogue's search, with its filters and sorts, a page at a time. Withdrawn titles are left out.",
    tag: "Catalogue",
    scope: "catalogue:read",
    public: true,
    query: titleSearchQuery,
    success: { status: 200, description: "A page of matching titles.", schema: titlePageSchema },
    problems: READ,
  },
  getTitle: {
    operationId: "getTitle",
    method: "get",
    path: "/titles/{titleId}",
    summary: "Get a title",
    tag: "Catalogue",
    scope: "catalogue:read",
    public: true,
    params: titleParams,
    success: { status: 200, description: "The title.", schema: titleResourceSchema },
    problems: [...READ, 404],
  },
  createTitle: {
    operationId: "createTitle",
    method: "post",
    path: "/titles",
    summary: "Catalogue a new title",
    tag: "Catalogue",
    scope: "catalogue:write",
    body: titleInput,
    success: { status: 201, description: "Catalogued.", schema: createdTitleSchema },
    problems: WRITE,
  },
  updateTitle: {
    operationId: "updateTitle",
    method: "put",
    path: "/titles/{titleId}",
    summary: "Replace a title's record",
    description: "The whole record, as the inventory's edit form saves it: fields left out are emptied.",
    tag: "Catalogue",
    scope: "catalogue:write",
    params: titleParams,
    body: titleInput,
    success: { status: 200, description: "Saved.", schema: createdTitleSchema },
    problems: [...WRITE, 404],
  },
  listCopies: {
    operationId: "listCopies",
    method: "get",
    path: "/titles/{titleId}/copies",
    summary: "List a title's copies",
    description: "Withdrawn copies are left out.",
    tag: "Catalogue",
    scope: "catalogue:read",
    public: true,
    params: titleParams,
    success: { status: 200, description: "The copies, by barcode.", schema: copyListSchema },
    problems: [...READ, 404],
  },
  addCopy: {
    operationId: "addCopy",
    method: "post",
    path: "/titles/{titleId}/copies",
    summary: "Add a copy",
    description: "An empty barcode is given the library's next generated one.",
    tag: "Catalogue",
    scope: "catalogue:write",
    params: titleParams,
    body: copyInput,
    success: { status: 201, description: "Added.", schema: createdCopySchema },
    problems: [...WRITE, 404],
  },
  getAvailability: {
    operationId: "getAvailability",
    method: "get",
    path: "/titles/{titleId}/availability",
    summary: "Get a title's availability",
    tag: "Catalogue",
    scope: "catalogue:read",
    public: true,
    params: titleParams,
    success: { status: 200, description: "How many copies are on the shelf, and when the next is due.", schema: availabilitySchema },
    problems: [...READ, 404],
  },
  listPatrons: {
    operationId: "listPatrons",
    method: "get",
    path: "/patrons",
    summary: "List patrons",
    description: "Every account with its borrowing status, by name.",
    tag: "Patrons",
    scope: "patrons:read",
    query: patronQuery,
    success: { status: 200, description: "A page of patrons.", schema: patronPageSchema },
    problems: READ,
  },
  checkOut: {
    operationId: "checkOut",
    method: "post",
    path: "/loans",
    summary: "Check out a copy",
    description: "Lends the copy with this barcode to the patron, under the same rules as the desk.",
    tag: "Circulation",
    scope: "circulation:write",
    body: checkOutInput,
    success: { status: 201, description: "Lent.", schema: loanSchema },
    problems: [...WRITE, 404],
  },
  checkIn: {
    operationId: "checkIn",
    method: "post",
    path: "/check-ins",
    summary: "Check in a copy",
    description: "Takes the copy back (charging any overdue fine) and sends it to the next waiting hold or the shelf.",
    tag: "Circulation",
    scope: "circulation:write",
    body: checkInInput,
    success: { status: 201, description: "Checked in.", schema: checkInSchema },
    problems: [...WRITE, 404],
  },
  renewLoan: {
    operationId: "renewLoan",
    method: "post",
    path: "/loans/{loanId}/renewals",
    summary: "Renew a loan",
    tag: "Circulation",
    scope: "circulation:write",
    params: loanParams,
    success: { status: 201, description: "Renewed.", schema: renewalSchema },
    problems: [401, 403, 404, 409, 422, 429],
  },
  placeHold: {
    operationId: "placeHold",
    method: "post",
    path: "/holds",
    summary: "Place a hold",
    description: "Puts the patron in the title's queue; a copy on the shelf is set aside at once.",
    tag: "Circulation",
    scope: "circulation:write",
    body: holdInput,
    success: { status: 201, description: "Placed.", schema: holdSchema },
    problems: [...WRITE, 404],
  },
  cancelHold: {
    operationId: "cancelHold",
    method: "post",
    path: "/holds/{holdId}/cancellation",
    summary: "Cancel a hold",
    description: "The library cancels the hold and says why; the patron is told. A copy it had set aside passes to the next in the queue.",
    tag: "Circulation",
    scope: "circulation:write",
    params: holdParams,
    body: cancellationInput,
    success: { status: 204, description: "Cancelled." },
    problems: [...WRITE, 404],
  },
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;

import { z } from "zod";
import { describeAvailability, type AvailabilityInput } from "../catalogue/availability";
import type { TitleDetails } from "../catalogue/get-title";
import type { CheckInResult } from "../circulation/check-in";
import type { CheckOutResult } from "../circulation/check-out";
import type { RenewLoanResult } from "../circulation/renew-loan";
import type { PlaceHoldResult } from "../holds/place-hold";
import type { PatronRow } from "../patrons/list-patrons";
import type { SearchHit } from "../search/search-catalogue";

// What the API answers, as zod schemas: the OpenAPI document is generated from them, and each
// answer is built by the mapper beside its schema, typed by it.

const id = z.number().int().positive();
const dateTime = z.iso.datetime();
const iso = (d: Date) => d.toISOString();

export const COPY_STATUSES = ["AVAILABLE", "ON_LOAN", "ON_HOLD_SHELF", "LOST", "DAMAGED", "WITHDRAWN"] as const;

export const availabilitySchema = z
  .object({
    total: z.number().int().min(0).meta({ description: "Copies a patron can count on (withdrawn ones left out)." }),
    available: z.number().int().min(0),
    openHolds: z.number().int().min(0).meta({ description: "Holds waiting to be filled or picked up." }),
    nextDueAt: dateTime.nullable().meta({ description: "The earliest due date of the title's open loans." }),
    label: z.string().meta({ description: "The line the catalogue shows, e.g. “2 of 3 available”.", example: "2 of 3 available" }),
  })
  .meta({ id: "Availability" });

export function availability(input: AvailabilityInput, timeZone: string, at: Date): z.infer<typeof availabilitySchema> {
  const described = describeAvailability(input, timeZone, at);
  return { total: described.total, available: described.available, openHolds: input.openHolds, nextDueAt: input.nextDueAt && iso(input.nextDueAt), label: described.label };
}

export const titleSummarySchema = z
  .object({
    id,
    title: z.string(),
    subtitle: z.string().nullable(),
    authors: z.string().meta({ description: "The authors' names, in order, as one line." }),
    year: z.number().int().nullable(),
    coverUrl: z.string().nullable(),
    availability: availabilitySchema,
  })
  .meta({ id: "TitleSummary" });

export function titleSummary(hit: SearchHit, timeZone: string, at: Date): z.infer<typeof titleSummarySchema> {
  return { id: hit.id, title: hit.title, subtitle: hit.subtitle, authors: hit.authorNames, year: hit.year, coverUrl: hit.coverPath, availability: availability(hit.availability, timeZone, at) };
}

export const copySchema = z
  .object({
    id,
    barcode: z.string(),
    shelfLocation: z.string(),
    status: z.enum(COPY_STATUSES),
    dueAt: dateTime.nullable().meta({ description: "When the copy on loan is due back." }),
  })
  .meta({ id: "Copy" });

export const titleResourceSchema = z
  .object({
    id,
    title: z.string(),
    subtitle: z.string().nullable(),
    originalTitle: z.string().nullable(),
    authors: z.array(z.string()),
    genres: z.array(z.string()),
    isbn13: z.string().nullable(),
    publisher: z.string().nullable(),
    year: z.number().int().nullable(),
    language: z.string().nullable(),
    pages: z.number().int().nullable(),
    description: z.string().nullable(),
    coverUrl: z.string().nullable(),
    withdrawn: z.boolean(),
    availability: availabilitySchema,
  })
  .meta({ id: "Title" });

export function titleResource(t: TitleDetails, timeZone: string, at: Date): z.infer<typeof titleResourceSchema> {
  return {
    id: t.id,
    title: t.title,
    subtitle: t.subtitle,
    originalTitle: t.originalTitle,
    authors: t.authors.map((a) => a.name),
    genres: t.genres.map((g) => g.name),
    isbn13: t.isbn13,
    publisher: t.publisher,
    year: t.year,
    language: t.language,
    pages: t.pageCount,
    description: t.description,
    coverUrl: t.coverPath,
    withdrawn: t.withdrawn,
    availability: availability(t.availability, timeZone, at),
  };
}

export function copies(t: TitleDetails): z.infer<typeof copySchema>[] {
  return t.copies.map((c) => ({ id: c.id, barcode: c.barcode, shelfLocation: c.shelfLocation, status: c.status, dueAt: c.dueAt && iso(c.dueAt) }));
}

export const copyListSchema = z.object({ data: z.array(copySchema) }).meta({ id: "CopyList" });
export const createdCopySchema = z.object({ id, barcode: z.string() }).meta({ id: "CreatedCopy" });
export const createdTitleSchema = z.object({ id }).meta({ id: "TitleId" });

/** A page of a list: the rows and where they sit among all matches. */
function page<T extends z.ZodType>(row: T, name: string, extra: z.ZodRawShape = {}) {
  return z
    .object({
      data: z.array(row),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1),
      pageCount: z.number().int().min(0),
      total: z.number().int().min(0),
      ...extra,
    })
    .meta({ id: name });
}

export const titlePageSchema = page(titleSummarySchema, "TitlePage", {
  totalIsCapped: z.boolean().meta({ description: "True when more titles match than `total` says (counting stops at 1,000)." }),
});

export const patronSchema = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    cardNumber: z.string(),
    category: z.string(),
    status: z.enum(["ACTIVE", "BLOCKED"]),
    cardExpiresAt: dateTime.nullable(),
    loans: z.number().int().min(0),
    overdue: z.number().int().min(0),
    holds: z.number().int().min(0),
    finesOwedCents: z.number().int().min(0).meta({ description: "Unpaid fines, in the currency's minor unit." }),
  })
  .meta({ id: "Patron" });

export function patron(p: PatronRow): z.infer<typeof patronSchema> {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    cardNumber: p.cardNumber,
    category: p.category,
    status: p.status,
    cardExpiresAt: p.expiresAt && iso(p.expiresAt),
    loans: p.loans,
    overdue: p.overdue,
    holds: p.holds,
    finesOwedCents: p.finesOwedCents,
  };
}

export const patronPageSchema = page(patronSchema, "PatronPage");

const titleRef = z.object({ id, title: z.string() });
const copyRef = z.object({ id, barcode: z.string() });

export const loanSchema = z
  .object({ id, dueAt: dateTime, patronId: id, title: titleRef, copy: copyRef })
  .meta({ id: "Loan" });

export function loan(l: CheckOutResult): z.infer<typeof loanSchema> {
  return { id: l.loanId, dueAt: iso(l.dueAt), patronId: l.patron.id, title: l.title, copy: l.copy };
}

export const checkInSchema = z
  .object({
    title: titleRef,
    copy: copyRef,
    loan: z.object({ id, patronId: id.nullable(), daysLate: z.number().int().min(0) }).nullable().meta({ description: "The loan closed, if the copy was on loan." }),
    fineCents: z.number().int().min(0).meta({ description: "The overdue fine charged, 0 when none." }),
    routedTo: z.enum(["shelf", "hold-shelf", "pull-list"]).meta({ description: "Where the copy goes now: the open shelf, the hold shelf for a waiting patron, or the pull list." }),
    holdId: id.nullable().meta({ description: "The hold the copy now serves." }),
  })
  .meta({ id: "CheckIn" });

export function checkIn(r: CheckInResult): z.infer<typeof checkInSchema> {
  return {
    title: r.title,
    copy: r.copy,
    loan: r.loan && { id: r.loan.id, patronId: r.loan.patron?.id ?? null, daysLate: r.loan.daysLate },
    fineCents: r.fine?.amountCents ?? 0,
    routedTo: r.routing.kind,
    holdId: r.routing.kind === "shelf" ? null : r.routing.holdId,
  };
}

export const renewalSchema = z
  .object({ loanId: id, dueAt: dateTime, renewalsLeft: z.number().int().min(0), title: z.string() })
  .meta({ id: "Renewal" });

export function renewal(r: RenewLoanResult): z.infer<typeof renewalSchema> {
  return { loanId: r.loanId, dueAt: iso(r.dueAt), renewalsLeft: r.renewalsLeft, title: r.title };
}

export const holdSchema = z
  .object({
    id,
    status: z.enum(["WAITING", "IN_PROCESS"]).meta({ description: "WAITING in the queue, or IN_PROCESS: a copy on the shelf was set aside at once." }),
    position: z.number().int().min(0).meta({ description: "Place in the title's queue." }),
  })
  .meta({ id: "Hold" });

export function hold(h: PlaceHoldResult): z.infer<typeof holdSchema> {
  return { id: h.holdId, status: h.status, position: h.position };
}

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "about:blank: the status code says what kind of problem it is." }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().meta({ description: "What went wrong, in words for the person reading the log." }),
    code: z.string().optional().meta({ description: "The refusal's kind: NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, CONFLICT, REFUSED, RATE_LIMITED, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE." }),
    reason: z.string().optional().meta({ description: "A short machine reason within the code, e.g. LOAN_LIMIT." }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "Per-field messages of a refused request, by field name." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem detail (application/problem+json)." });

export type Problem = z.infer<typeof problemSchema>;

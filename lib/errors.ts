import { plural } from "./format";

// One error type for every refusal the domain makes. Each code maps to a status code for
// route handlers; the message is written for the patron or librarian who reads it.
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "REFUSED"
  | "RATE_LIMITED";

const STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  REFUSED: 409,
  RATE_LIMITED: 429,
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field messages for forms. */
    readonly fields?: Record<string, string>,
    /** A short machine reason within the code ("LOAN_LIMIT"), for tests and clients. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** An all-or-nothing import refused for its bad rows (there is at least one), naming the first. */
/** The refusal of an import with bad rows (or, for a MARC file, records: `unit` names them). */
export function badRowsError(bad: { line: number; reason: string }[], unit: "line" | "record" = "line"): DomainError {
  const [first] = bad;
  const what = unit === "line" ? plural(bad.length, "row has", "rows have") : plural(bad.length, "record has", "records have");
  return new DomainError(
    "INVALID_INPUT",
    `Nothing was imported: ${what} a problem (${unit} ${first.line}: ${first.reason}). Fix the file and preview it again.`,
    undefined,
    "BAD_ROWS",
  );
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/**
 * Result shape server actions hand to forms. A refusal carries what was submitted (`values`),
 * so the form shows it again rather than what React's reset or the saved record would.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fields?: Record<string, string>; values?: Record<string, string> };

/** A server action as a form calls it through useActionState: the last result in, the next one out. */
export type FormAction<T = undefined> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Turns a thrown DomainError into a form result; anything else is a bug and rethrown. */
export function toActionError(e: unknown): ActionResult<never> {
  if (isDomainError(e)) return { ok: false, message: e.message, fields: e.fields };
  throw e;
}

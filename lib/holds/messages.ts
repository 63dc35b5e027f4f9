import { DomainError } from "../errors";
import { plural } from "../format";

export function holdRefusal(reason: "DUPLICATE_HOLD" | "ON_LOAN_TO_YOU" | "HOLD_LIMIT" | "TITLE_WITHDRAWN" | "NOT_HOLDABLE", maxHolds = 0, typeNames: string[] = []): DomainError {
  const messages = {
    DUPLICATE_HOLD: "You have already reserved this book.",
    ON_LOAN_TO_YOU: "You have this book on loan already.",
    HOLD_LIMIT: `You have ${plural(maxHolds, "reservation")}, the most your card allows.`,
    TITLE_WITHDRAWN: "This book has been withdrawn from the library and cannot be reserved.",
    NOT_HOLDABLE: `This book cannot be reserved: its copies (${typeNames.join(", ")}) are not for reserving, or for use in the library only.`,
  };
  return new DomainError("REFUSED", messages[reason], undefined, reason);
}

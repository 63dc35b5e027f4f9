import { DomainError } from "../errors";
import { plural } from "../format";

export function holdRefusal(reason: "DUPLICATE_HOLD" | "ON_LOAN_TO_YOU" | "HOLD_LIMIT" | "TITLE_WITHDRAWN", maxHolds = 0): DomainError {
  const messages = {
    DUPLICATE_HOLD: "You have already reserved this book.",
    ON_LOAN_TO_YOU: "You have this book on loan already.",
    HOLD_LIMIT: `You have ${plural(maxHolds, "reservation")}, the most your card allows.`,
    TITLE_WITHDRAWN: "This book has been withdrawn from the library and cannot be reserved.",
  };
  return new DomainError("REFUSED", messages[reason], undefined, reason);
}

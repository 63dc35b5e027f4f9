import { DomainError } from "../errors";
import { formatDate, formatMoney, plural } from "../format";
import type { BorrowRefusal, CopyRefusal, RenewalRefusal } from "./rules";

/** The plain-words reason a patron (or the librarian reading it to them) is given. */
export function refusalMessage(refusal: BorrowRefusal | RenewalRefusal, currency: string): string {
  switch (refusal.reason) {
    case "ACCOUNT_BLOCKED":
      return `Your account is blocked${refusal.blockedReason ? ` (${refusal.blockedReason})` : ""}. Please speak to a librarian.`;
    case "ACCOUNT_EXPIRED":
      return "Your library card has expired. Please renew it at the desk.";
    case "HAS_OVERDUE":
      return `You have ${plural(refusal.overdueLoans, "overdue book")}. Please return ${refusal.overdueLoans === 1 ? "it" : "them"} first.`;
    case "FINES_BLOCK":
      return `You owe ${formatMoney(refusal.unpaidFinesCents, currency)} in fines; borrowing stops at ${formatMoney(refusal.thresholdCents, currency)}. Please pay at the desk.`;
    case "LOAN_LIMIT":
      return `You have ${plural(refusal.maxLoans, "book")} on loan, the most your card allows.`;
    case "TOO_SOON":
      return "Too soon to renew: renewing now would not move the due date. You can renew nearer the due date.";
    case "NO_RENEWALS_LEFT":
      return `This loan has been renewed ${refusal.maxRenewals === 1 ? "once" : `${refusal.maxRenewals} times`}, the most allowed. Please return it by its due date.`;
    case "WANTED_BY_OTHERS":
      return "Another patron is waiting for this book, so it cannot be renewed. Please return it by its due date.";
  }
}

/**
 * The same reasons for the librarian at the desk: what stops borrowing and what to do about it
 * there, without the "please speak to a librarian" meant for the patron.
 */
export function staffRefusalMessage(refusal: BorrowRefusal | RenewalRefusal, currency: string): string {
  switch (refusal.reason) {
    case "ACCOUNT_BLOCKED":
      return `Borrowing blocked: the account is blocked${refusal.blockedReason ? ` (${refusal.blockedReason})` : ""} — unblock it on the patron's page if the reason is settled.`;
    case "ACCOUNT_EXPIRED":
      return "Borrowing blocked: the card has expired — renew the card on the patron's page.";
    case "HAS_OVERDUE":
      return `Borrowing blocked: ${plural(refusal.overdueLoans, "overdue loan")} — check ${refusal.overdueLoans === 1 ? "it" : "them"} in first.`;
    case "FINES_BLOCK":
      return `Borrowing blocked: fines ${formatMoney(refusal.unpaidFinesCents, currency)} reach the ${formatMoney(refusal.thresholdCents, currency)} limit — take a payment.`;
    case "LOAN_LIMIT":
      return `Borrowing blocked: ${plural(refusal.maxLoans, "loan")} out, the most the patron's card allows — check one in first.`;
    case "TOO_SOON":
      return "Too soon to renew: renewing now would not move the due date.";
    case "NO_RENEWALS_LEFT":
      return `Cannot renew: renewed ${refusal.maxRenewals === 1 ? "once" : `${refusal.maxRenewals} times`} already, the most allowed.`;
    case "WANTED_BY_OTHERS":
      return "Cannot renew: another patron is waiting for this title.";
  }
}

/** Who reads a refusal: the patron (online, at a kiosk) or the librarian at the desk. */
export type Audience = "patron" | "staff";

export function refusal(refusal: BorrowRefusal | RenewalRefusal, currency: string, audience: Audience = "patron"): DomainError {
  const message = audience === "staff" ? staffRefusalMessage(refusal, currency) : refusalMessage(refusal, currency);
  return new DomainError("REFUSED", message, undefined, refusal.reason);
}

/** Why a copy of its type cannot be lent: the same words for the desk and the patron (both can act on them). */
export function copyRefusalMessage(refusal: CopyRefusal): string {
  switch (refusal.reason) {
    case "NOT_FOR_LOAN":
      return `This copy is for use in the library only (${refusal.typeName}) and cannot be borrowed.`;
    case "TYPE_LOAN_LIMIT":
      return `This card already has ${plural(refusal.maxLoansOfType, `${refusal.typeName} loan`)} out, the most allowed for ${refusal.typeName}. Return one to borrow another.`;
  }
}

export function copyRefusalError(refusal: CopyRefusal): DomainError {
  const message = copyRefusalMessage(refusal);
  return new DomainError("REFUSED", message, { barcode: message }, refusal.reason);
}

/** A patron's standing as the account overview's heading: the first refusal, or "Active". */
export function standingHeadline(refusal: BorrowRefusal | undefined, currency: string, timeZone: string): string {
  if (!refusal) return "Active: you may borrow";
  switch (refusal.reason) {
    case "ACCOUNT_BLOCKED":
      return `Blocked${refusal.blockedReason ? `: ${refusal.blockedReason}` : ""}`;
    case "ACCOUNT_EXPIRED":
      return `Card expired on ${formatDate(refusal.expiresAt, timeZone)}`;
    case "HAS_OVERDUE":
      return refusal.overdueLoans === 1 ? "Overdue loan" : `${plural(refusal.overdueLoans, "overdue loan")}`;
    case "FINES_BLOCK":
      return `Borrowing blocked: fines ${formatMoney(refusal.unpaidFinesCents, currency)} reach the ${formatMoney(refusal.thresholdCents, currency)} limit`;
    case "LOAN_LIMIT":
      return `At your loan limit: ${plural(refusal.maxLoans, "book")} on loan`;
  }
}

/** What the patron can do about one reason they may not borrow. */
export function standingAdvice(refusal: BorrowRefusal, currency: string): string {
  switch (refusal.reason) {
    case "ACCOUNT_BLOCKED":
      return "Speak to a librarian at the desk: they can tell you why and lift the block. Until then you cannot borrow or renew.";
    case "ACCOUNT_EXPIRED":
      return "Renew your card at the desk; it takes a minute. Until then you cannot borrow or renew.";
    case "HAS_OVERDUE":
      return `Return the overdue ${refusal.overdueLoans === 1 ? "book" : "books"} to the desk or the book drop. Borrowing and renewing start again once ${refusal.overdueLoans === 1 ? "it is" : "they are"} back.`;
    case "FINES_BLOCK":
      return `Pay at the desk: borrowing starts again once you owe less than ${formatMoney(refusal.thresholdCents, currency)}.`;
    case "LOAN_LIMIT":
      return "Return a book to borrow another.";
  }
}

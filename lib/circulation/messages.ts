import { DomainError } from "../errors";
import { formatMoney, plural } from "../format";
import type { BorrowRefusal, RenewalRefusal } from "./rules";

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

export function refusal(refusal: BorrowRefusal | RenewalRefusal, currency: string): DomainError {
  return new DomainError("REFUSED", refusalMessage(refusal, currency), undefined, refusal.reason);
}

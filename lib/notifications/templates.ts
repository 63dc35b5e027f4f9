import { environment } from "../env";
import { formatDate } from "../format";

// The words of every notice, as plain text and HTML. Pure: the library's name and time zone,
// the book and the dates come in; nothing is read here.

export type LibraryContext = { name: string; timeZone: string; appUrl: string };
export type Message = { subject: string; text: string; html: string; link: string };

export function appUrl(): string {
  return (environment().APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function compose(library: LibraryContext, subject: string, lines: string[], action: { label: string; path: string }): Message {
  const link = `${library.appUrl}${action.path}`;
  const text = [...lines, "", `${action.label}: ${link}`, "", `— ${library.name}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<p><a href="${escapeHtml(link)}" style="color:#17563f;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="color:#57534e">— ${escapeHtml(library.name)}</p>
</body></html>`;
  return { subject: `${subject} · ${library.name}`, text, html, link: action.path };
}

export function dueSoonMessage(library: LibraryContext, book: string, dueAt: Date): Message {
  const due = formatDate(dueAt, library.timeZone);
  return compose(library, `"${book}" is due on ${due}`, [`"${book}" is due back on ${due}.`, "You can renew it online if nobody is waiting for it."], {
    label: "See your loans",
    path: "/account/loans",
  });
}

export function overdueMessage(library: LibraryContext, book: string, dueAt: Date, daysLate: number): Message {
  const due = formatDate(dueAt, library.timeZone);
  return compose(
    library,
    `"${book}" is overdue`,
    [`"${book}" was due back on ${due} and is now ${daysLate} day${daysLate === 1 ? "" : "s"} overdue.`, "Please return it as soon as you can: a fine builds up each day."],
    { label: "See your loans", path: "/account/loans" },
  );
}

export function holdReadyMessage(library: LibraryContext, book: string, pickupBy: Date): Message {
  const by = formatDate(pickupBy, library.timeZone);
  return compose(library, `"${book}" is ready for pickup`, [`"${book}", which you reserved, is waiting for you on the hold shelf.`, `Please collect it by ${by}.`], {
    label: "See your reservations",
    path: "/account/holds",
  });
}

export function holdExpiredMessage(library: LibraryContext, book: string): Message {
  return compose(library, `Your reservation of "${book}" has expired`, [`"${book}" was not collected in time, so it has passed to the next reader.`, "You can reserve it again."], {
    label: "See your reservations",
    path: "/account/holds",
  });
}

export function holdCancelledMessage(library: LibraryContext, book: string, reason: string): Message {
  return compose(library, `Your reservation of "${book}" was cancelled`, [`The library cancelled your reservation of "${book}": ${reason}`], {
    label: "See your reservations",
    path: "/account/holds",
  });
}

export function cardExpiredMessage(library: LibraryContext, expiredAt: Date): Message {
  const on = formatDate(expiredAt, library.timeZone);
  return compose(library, "Your library card has expired", [`Your library card expired on ${on}.`, "Please visit the desk to renew it; until then you cannot borrow or reserve."], {
    label: "See your account",
    path: "/account",
  });
}

/**
 * Stands for a private link in an email's stored text: the dispatcher puts the link in only when
 * it sends the email (Notification.secretLink), so staff reading the outbox never see it.
 */
export const SECRET_LINK = "[private link]";

/** An email whose link opens the account (a password reset, a new address to confirm). */
function composeWithSecretLink(library: LibraryContext, subject: string, lines: string[], label: string, after: string[]): Message {
  const text = [...lines, "", `${label}: ${SECRET_LINK}`, "", ...after, "", `— ${library.name}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<p><a href="${SECRET_LINK}" style="color:#17563f;font-weight:600">${escapeHtml(label)}</a></p>
<p>${escapeHtml(SECRET_LINK)}</p>
${after.map((l) => `<p style="color:#57534e">${escapeHtml(l)}</p>`).join("\n")}
<p style="color:#57534e">— ${escapeHtml(library.name)}</p>
</body></html>`;
  return { subject: `${subject} · ${library.name}`, text, html, link: "/sign-in" };
}

/** The secret link in a sent email's text or HTML. */
export function withSecretLink(body: string, link: string, html: boolean): string {
  return body.replaceAll(SECRET_LINK, html ? escapeHtml(link) : link);
}

export function passwordResetMessage(library: LibraryContext): Message {
  return composeWithSecretLink(library, "Choose a new password", ["Someone (we hope you) asked to choose a new password for your library account."], "Choose a new password", [
    "The link works once, within an hour. If you did not ask, ignore this email: your password stays as it is.",
  ]);
}

export function confirmEmailMessage(library: LibraryContext, newEmail: string): Message {
  return composeWithSecretLink(library, "Confirm your new email address", [`Your library account asked to use ${newEmail} from now on.`], "Confirm this address", [
    "The link works once, within an hour. Until you follow it, your account keeps its old address.",
  ]);
}

export function emailChangedMessage(library: LibraryContext, newEmail: string): Message {
  return compose(library, "Your email address was changed", [`Your library account now uses ${newEmail}. Emails from the library go there from now on.`, "If you did not make this change, please contact the library at once."], {
    label: "Sign in",
    path: "/sign-in",
  });
}

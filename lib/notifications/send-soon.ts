// next/server in lib/ on purpose: after() is the only way to deliver once the response is out, and
// actions and route handlers share this one call (allowed in .dependency-cruiser.cjs).
import { after } from "next/server";
import { dispatchPendingEmails } from "./dispatch-email";

/**
 * For server actions and route handlers that have just written an email (a reservation is
 * ready, or was cancelled): send it once the response is out, rather than at the next daily
 * run. Delivery is claimed row by row, so this never races the daily job into a second send.
 */
export function sendEmailsSoon(): void {
  after(async () => {
    try {
      await dispatchPendingEmails({ limit: 100 });
    } catch (e) {
      // The email stays pending: the next dispatch (the daily job, or staff's "Send pending now") retries it.
      console.error("Email delivery after the response failed:", e);
    }
  });
}

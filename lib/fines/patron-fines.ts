import { db } from "../db";
import { outstandingCents } from "./rules";

/** A patron's balance, every fine with what is left of it, and every payment or waiver. */
export async function patronFines(patronId: number) {
  const [fines, payments] = await Promise.all([
    db.fine.findMany({ where: { patronId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    db.payment.findMany({ where: { patronId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { recordedBy: { select: { name: true } } } }),
  ]);
  const withOutstanding = fines.map((f) => ({ ...f, outstandingCents: outstandingCents(f) }));
  return {
    balanceCents: withOutstanding.reduce((sum, f) => sum + f.outstandingCents, 0),
    fines: withOutstanding,
    payments,
  };
}

/** The policy form as an admin fills it for the default Adult rules (notice days typed loosely). */
export const ADULT_FORM = {
  name: "Adult",
  loanPeriodDays: "21",
  maxLoans: "5",
  maxRenewals: "2",
  fineDailyCents: "0.25",
  fineGraceDays: "0",
  fineCapCents: "10.00",
  blockThresholdCents: "5",
  maxHolds: "5",
  holdPickupDays: "7",
  dueSoonDays: "2",
  overdueNoticeDays: "1, 7,14",
  cardValidityDays: "1095",
};

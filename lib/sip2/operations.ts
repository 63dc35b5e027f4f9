// What a SIP2 device may be allowed to do, in words for the dashboard. Pure: the devices page
// (a client form) reads it as well as the server.

/** What a device may ask for; a message outside its list is answered as not allowed. */
export const SIP_OPERATIONS = ["checkout", "checkin", "renew", "patron", "item", "fee", "hold", "block"] as const;
export type SipOperation = (typeof SIP_OPERATIONS)[number];

export const SIP_OPERATION_LABELS: Record<SipOperation, string> = {
  checkout: "Check out",
  checkin: "Check in (return box)",
  renew: "Renew",
  patron: "Patron information: look a card up and check it, as e-book vendors do",
  item: "Item information",
  fee: "Fee paid (a payment kiosk takes money for fines)",
  hold: "Place and cancel holds",
  block: "Block a card left in the machine",
};

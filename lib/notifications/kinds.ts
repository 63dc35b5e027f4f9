import type { NotificationKind } from "../generated/sqlite/enums";

/** The kinds a patron can choose channels for, in the words of the settings page. */
export const NOTIFICATION_KINDS: { kind: NotificationKind; label: string; description: string }[] = [
  { kind: "DUE_SOON", label: "Due soon", description: "A reminder a few days before a loan is due." },
  { kind: "OVERDUE", label: "Overdue", description: "Notices when a loan is overdue." },
  { kind: "HOLD_READY", label: "Reservation ready", description: "A reserved book is waiting for you on the hold shelf." },
  { kind: "HOLD_EXPIRED", label: "Reservation expired", description: "A reserved book was not collected in time." },
  { kind: "HOLD_CANCELLED", label: "Reservation cancelled by the library", description: "The library had to cancel a reservation." },
  { kind: "ACCOUNT", label: "Account messages", description: "Your card is about to expire or has expired." },
];

export type ChannelChoice = { inApp: boolean; email: boolean };

/** Without a stored preference a patron gets every notice in the app and by email. */
export const DEFAULT_CHOICE: ChannelChoice = { inApp: true, email: true };

import { db } from "../db";
import type { NotificationKind } from "../generated/sqlite/enums";
import { DEFAULT_CHOICE, NOTIFICATION_KINDS, type ChannelChoice } from "./kinds";

export async function getPreferences(userId: number): Promise<Record<NotificationKind, ChannelChoice>> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const stored = new Map(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email }]));
  return Object.fromEntries(NOTIFICATION_KINDS.map(({ kind }) => [kind, stored.get(kind) ?? DEFAULT_CHOICE])) as Record<NotificationKind, ChannelChoice>;
}

export async function setPreferences(userId: number, choices: Record<NotificationKind, ChannelChoice>): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const { kind } of NOTIFICATION_KINDS) {
      const choice = choices[kind];
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, ...choice },
        update: choice,
      });
    }
  });
}

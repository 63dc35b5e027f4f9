import { now } from "../clock";
import { db } from "../db";
import { getLibrarySettings } from "../settings";
import { runDailyJob, type DailyJobResult } from "./daily-job";
import { dailyRunMissed, dueRunDay } from "./daily-schedule";

const JOB = "daily";
/** A claim whose run never finished (its server was killed) is given up after this long. */
const STALE_MS = 2 * 60 * 60_000;

export type ScheduledDailyRun = { ran: false } | { ran: true; day: string; result: DailyJobResult };

/**
 * The scheduler's daily job: runs it when the day's run is due and not yet taken. The day is
 * claimed with one conditional update on its ScheduledRun row, so with several instances (or a
 * tick while the last run still works) exactly one runs it; a run that fails gives the day back.
 */
export async function runDailyJobWhenDue(): Promise<ScheduledDailyRun> {
  const at = now();
  const settings = await getLibrarySettings();
  const day = dueRunDay(at, settings.dailyJobTime, settings.timeZone);
  await db.$executeRaw`INSERT INTO "ScheduledRun" ("job", "day") VALUES (${JOB}, '') ON CONFLICT ("job") DO NOTHING`;
  const before = await db.scheduledRun.findUniqueOrThrow({ where: { job: JOB } });
  // The usual tick: today's run is done. Otherwise the claim below decides, on the row as it is then.
  if (!dailyRunMissed({ lastRunDay: before.day, at, time: settings.dailyJobTime, timeZone: settings.timeZone }) && before.finishedAt) return { ran: false };
  const { count } = await db.scheduledRun.updateMany({
    where: { job: JOB, OR: [{ day: { lt: day } }, { day, finishedAt: null, startedAt: { lt: new Date(at.getTime() - STALE_MS) } }] },
    data: { day, startedAt: at, finishedAt: null },
  });
  if (count !== 1) return { ran: false };
  try {
    const result = await runDailyJob();
    await db.scheduledRun.updateMany({ where: { job: JOB, startedAt: at }, data: { finishedAt: now() } });
    return { ran: true, day, result };
  } catch (e) {
    await db.scheduledRun.updateMany({ where: { job: JOB, startedAt: at }, data: { day: before.day, startedAt: before.startedAt, finishedAt: before.finishedAt } });
    throw e;
  }
}

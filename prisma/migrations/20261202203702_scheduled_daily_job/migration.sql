-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- AlterTable (ADD COLUMN rather than a table rebuild: see 20261202203211_self_service_return)
ALTER TABLE "LibrarySettings" ADD COLUMN "dailyJobTime" TEXT NOT NULL DEFAULT '06:00';

-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN     "dailyJobTime" TEXT NOT NULL DEFAULT '06:00';

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("job")
);

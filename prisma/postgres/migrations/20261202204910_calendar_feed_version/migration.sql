-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarFeedVersion" INTEGER NOT NULL DEFAULT 0;

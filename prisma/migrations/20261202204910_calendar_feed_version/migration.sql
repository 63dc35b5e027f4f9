-- AlterTable (ADD COLUMN rather than a table rebuild, which would copy the table as it was on
-- this migration's branch and undo another branch's change to it)
ALTER TABLE "User" ADD COLUMN "calendarFeedVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LibraryClosure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "yearly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (ADD COLUMN rather than a table rebuild, so that migrations made beside it on other
-- branches, which rebuild from their own copy of the table, cannot drop it)
ALTER TABLE "LibrarySettings" ADD COLUMN "closedWeekdays" TEXT NOT NULL DEFAULT '';
ALTER TABLE "LibrarySettings" ADD COLUMN "noFinesOnClosedDays" BOOLEAN NOT NULL DEFAULT true;

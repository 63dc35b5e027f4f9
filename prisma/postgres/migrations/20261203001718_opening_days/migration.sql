-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN     "closedWeekdays" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "noFinesOnClosedDays" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "LibraryClosure" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "yearly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryClosure_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN "anonymiseLoansAfterDays" INTEGER;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "secretLink" TEXT;
ALTER TABLE "Notification" ADD COLUMN "toAddress" TEXT;

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newEmail" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added, never a table rebuild: other branches add to User too)
ALTER TABLE "User" ADD COLUMN "keepHistoryForever" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

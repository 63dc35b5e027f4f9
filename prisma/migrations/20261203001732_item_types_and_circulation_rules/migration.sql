-- AlterTable
ALTER TABLE "Loan" ADD COLUMN "fineCapCents" INTEGER;
ALTER TABLE "Loan" ADD COLUMN "fineDailyCents" INTEGER;
ALTER TABLE "Loan" ADD COLUMN "fineGraceDays" INTEGER;
ALTER TABLE "Loan" ADD COLUMN "loanPeriodDays" INTEGER;
ALTER TABLE "Loan" ADD COLUMN "maxRenewals" INTEGER;

-- CreateTable
CREATE TABLE "ItemType" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "loanPeriodDays" INTEGER,
    "maxLoans" INTEGER,
    "maxRenewals" INTEGER,
    "fineDailyCents" INTEGER,
    "fineGraceDays" INTEGER,
    "fineCapCents" INTEGER,
    "holdable" BOOLEAN NOT NULL DEFAULT true,
    "notForLoan" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "CirculationRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "categoryId" INTEGER NOT NULL,
    "itemTypeId" INTEGER NOT NULL,
    "loanPeriodDays" INTEGER,
    "maxLoans" INTEGER,
    "maxRenewals" INTEGER,
    "fineDailyCents" INTEGER,
    "fineGraceDays" INTEGER,
    "fineCapCents" INTEGER,
    "holdable" BOOLEAN,
    "notForLoan" BOOLEAN,
    CONSTRAINT "CirculationRule_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PatronCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CirculationRule_itemTypeId_fkey" FOREIGN KEY ("itemTypeId") REFERENCES "ItemType" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN rather than a table rebuild: see 20261202203211_self_service_return).
-- SQLite cannot add a REFERENCES column with a non-null default, so here the copy's type is
-- kept to the ItemType codes by the app (PostgreSQL has the foreign key). Every existing copy is a Book.
ALTER TABLE "Copy" ADD COLUMN "itemTypeCode" TEXT NOT NULL DEFAULT 'BOOK';

-- CreateIndex
CREATE UNIQUE INDEX "ItemType_code_key" ON "ItemType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ItemType_name_key" ON "ItemType"("name");

-- CreateIndex
CREATE INDEX "CirculationRule_itemTypeId_idx" ON "CirculationRule"("itemTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "CirculationRule_categoryId_itemTypeId_key" ON "CirculationRule"("categoryId", "itemTypeId");

-- Every copy's default type.
INSERT INTO "ItemType" ("code", "name") VALUES ('BOOK', 'Book');

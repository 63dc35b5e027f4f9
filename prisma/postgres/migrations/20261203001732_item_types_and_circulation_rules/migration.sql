-- AlterTable
ALTER TABLE "Copy" ADD COLUMN     "itemTypeCode" TEXT NOT NULL DEFAULT 'BOOK';

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "fineCapCents" INTEGER,
ADD COLUMN     "fineDailyCents" INTEGER,
ADD COLUMN     "fineGraceDays" INTEGER,
ADD COLUMN     "loanPeriodDays" INTEGER,
ADD COLUMN     "maxRenewals" INTEGER;

-- CreateTable
CREATE TABLE "ItemType" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "loanPeriodDays" INTEGER,
    "maxLoans" INTEGER,
    "maxRenewals" INTEGER,
    "fineDailyCents" INTEGER,
    "fineGraceDays" INTEGER,
    "fineCapCents" INTEGER,
    "holdable" BOOLEAN NOT NULL DEFAULT true,
    "notForLoan" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ItemType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CirculationRule" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "CirculationRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ItemType_code_key" ON "ItemType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ItemType_name_key" ON "ItemType"("name");

-- CreateIndex
CREATE INDEX "CirculationRule_itemTypeId_idx" ON "CirculationRule"("itemTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "CirculationRule_categoryId_itemTypeId_key" ON "CirculationRule"("categoryId", "itemTypeId");

-- AddForeignKey
ALTER TABLE "CirculationRule" ADD CONSTRAINT "CirculationRule_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PatronCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CirculationRule" ADD CONSTRAINT "CirculationRule_itemTypeId_fkey" FOREIGN KEY ("itemTypeId") REFERENCES "ItemType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every copy's default type, before the foreign key that needs it.
INSERT INTO "ItemType" ("code", "name") VALUES ('BOOK', 'Book');

-- AddForeignKey
ALTER TABLE "Copy" ADD CONSTRAINT "Copy_itemTypeCode_fkey" FOREIGN KEY ("itemTypeCode") REFERENCES "ItemType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

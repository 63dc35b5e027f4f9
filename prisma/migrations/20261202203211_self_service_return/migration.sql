-- AlterTable (ADD COLUMN rather than a table rebuild, so that migrations made beside it on other
-- branches, which rebuild from their own copy of the table, cannot drop it)
ALTER TABLE "LibrarySettings" ADD COLUMN "selfServiceReturn" BOOLEAN NOT NULL DEFAULT false;
-- A library that already runs Stacks keeps the Return button its patrons had (new libraries start with it off).
UPDATE "LibrarySettings" SET "selfServiceReturn" = true;

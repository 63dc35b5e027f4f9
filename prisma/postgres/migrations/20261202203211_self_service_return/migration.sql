-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN     "selfServiceReturn" BOOLEAN NOT NULL DEFAULT false;
-- A library that already runs Stacks keeps the Return button its patrons had (new libraries start with it off).
UPDATE "LibrarySettings" SET "selfServiceReturn" = true;

-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN     "selfServiceReturn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "LibrarySettings" ADD COLUMN     "keepLostChargeWhenFound" BOOLEAN NOT NULL DEFAULT false;

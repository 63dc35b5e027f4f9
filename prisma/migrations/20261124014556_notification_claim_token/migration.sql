-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "claimToken" TEXT;

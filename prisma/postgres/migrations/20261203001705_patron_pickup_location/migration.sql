-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pickupLocation" TEXT;

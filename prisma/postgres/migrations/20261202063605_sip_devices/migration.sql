-- CreateTable
CREATE TABLE "SipDevice" (
    "id" SERIAL NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL DEFAULT 'stacks',
    "location" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowedOperations" TEXT NOT NULL DEFAULT 'checkout,checkin,renew,patron,item',
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SipDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SipDevice_login_key" ON "SipDevice"("login");

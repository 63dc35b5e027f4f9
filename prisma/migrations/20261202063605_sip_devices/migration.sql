-- CreateTable
CREATE TABLE "SipDevice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL DEFAULT 'stacks',
    "location" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowedOperations" TEXT NOT NULL DEFAULT 'checkout,checkin,renew,patron,item',
    "lastSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "SipDevice_login_key" ON "SipDevice"("login");

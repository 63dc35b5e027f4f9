-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "method" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'PATRON',
    "cardNumber" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "blockedReason" TEXT,
    "expiresAt" DATETIME,
    "phone" TEXT,
    "address" TEXT,
    "keepHistory" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PatronCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("address", "blockedReason", "cardNumber", "categoryId", "createdAt", "email", "expiresAt", "id", "keepHistory", "mustChangePassword", "name", "passwordHash", "phone", "role", "sessionVersion", "status", "updatedAt") SELECT "address", "blockedReason", "cardNumber", "categoryId", "createdAt", "email", "expiresAt", "id", "keepHistory", "mustChangePassword", "name", "passwordHash", "phone", "role", "sessionVersion", "status", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_cardNumber_key" ON "User"("cardNumber");
CREATE INDEX "User_name_idx" ON "User"("name");
CREATE INDEX "User_role_idx" ON "User"("role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

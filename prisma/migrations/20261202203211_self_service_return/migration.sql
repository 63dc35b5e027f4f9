-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LibrarySettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Stacks Library',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "keepLostChargeWhenFound" BOOLEAN NOT NULL DEFAULT false,
    "selfServiceReturn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_LibrarySettings" ("currency", "id", "keepLostChargeWhenFound", "name", "timeZone", "updatedAt") SELECT "currency", "id", "keepLostChargeWhenFound", "name", "timeZone", "updatedAt" FROM "LibrarySettings";
DROP TABLE "LibrarySettings";
ALTER TABLE "new_LibrarySettings" RENAME TO "LibrarySettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

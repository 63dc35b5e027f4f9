-- CreateTable
CREATE TABLE "LibrarySettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Stacks Library',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PatronCategory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "loanPeriodDays" INTEGER NOT NULL DEFAULT 21,
    "maxLoans" INTEGER NOT NULL DEFAULT 5,
    "maxRenewals" INTEGER NOT NULL DEFAULT 2,
    "fineDailyCents" INTEGER NOT NULL DEFAULT 25,
    "fineGraceDays" INTEGER NOT NULL DEFAULT 0,
    "fineCapCents" INTEGER NOT NULL DEFAULT 1000,
    "blockThresholdCents" INTEGER NOT NULL DEFAULT 500,
    "maxHolds" INTEGER NOT NULL DEFAULT 5,
    "holdPickupDays" INTEGER NOT NULL DEFAULT 7,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 2,
    "overdueNoticeDays" TEXT NOT NULL DEFAULT '1,7,14',
    "cardValidityDays" INTEGER NOT NULL DEFAULT 1095
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PatronCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "Author" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Genre" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Title" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "isbn13" TEXT,
    "publisher" TEXT,
    "year" INTEGER,
    "language" TEXT,
    "description" TEXT,
    "pageCount" INTEGER,
    "coverPath" TEXT,
    "sortTitle" TEXT NOT NULL,
    "authorNames" TEXT NOT NULL DEFAULT '',
    "genreNames" TEXT NOT NULL DEFAULT '',
    "popularity" INTEGER NOT NULL DEFAULT 0,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TitleAuthor" (
    "titleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("titleId", "authorId"),
    CONSTRAINT "TitleAuthor_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "Title" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TitleAuthor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TitleGenre" (
    "titleId" INTEGER NOT NULL,
    "genreId" INTEGER NOT NULL,

    PRIMARY KEY ("titleId", "genreId"),
    CONSTRAINT "TitleGenre_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "Title" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TitleGenre_genreId_fkey" FOREIGN KEY ("genreId") REFERENCES "Genre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Copy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "barcode" TEXT NOT NULL,
    "titleId" INTEGER NOT NULL,
    "shelfLocation" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'AVAILABLE',
    "notes" TEXT,
    "acquiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacementCostCents" INTEGER NOT NULL DEFAULT 2500,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Copy_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "Title" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "copyId" INTEGER NOT NULL,
    "patronId" INTEGER,
    "checkedOutById" INTEGER,
    "checkedOutAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "returnedAt" DATETIME,
    "renewals" INTEGER NOT NULL DEFAULT 0,
    "lastRenewedAt" DATETIME,
    "lostAt" DATETIME,
    CONSTRAINT "Loan_copyId_fkey" FOREIGN KEY ("copyId") REFERENCES "Copy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Loan_checkedOutById_fkey" FOREIGN KEY ("checkedOutById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "titleId" INTEGER NOT NULL,
    "patronId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "copyId" INTEGER,
    "placedAt" DATETIME NOT NULL,
    "readyAt" DATETIME,
    "expiresAt" DATETIME,
    "closedAt" DATETIME,
    "closeReason" TEXT,
    CONSTRAINT "Hold_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "Title" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hold_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hold_copyId_fkey" FOREIGN KEY ("copyId") REFERENCES "Copy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patronId" INTEGER NOT NULL,
    "loanId" INTEGER,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "waivedCents" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "settledAt" DATETIME,
    CONSTRAINT "Fine_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Fine_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patronId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT,
    "recordedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Payment_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paymentId" INTEGER NOT NULL,
    "fineId" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    CONSTRAINT "PaymentAllocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentAllocation_fineId_fkey" FOREIGN KEY ("fineId") REFERENCES "Fine" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT,
    "link" TEXT,
    "loanId" INTEGER,
    "holdId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lockedUntil" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Notification_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "Hold" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PatronCategory_code_key" ON "PatronCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PatronCategory_name_key" ON "PatronCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_cardNumber_key" ON "User"("cardNumber");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Author_name_key" ON "Author"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Genre_name_key" ON "Genre"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Genre_slug_key" ON "Genre"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Title_isbn13_key" ON "Title"("isbn13");

-- CreateIndex
CREATE INDEX "Title_sortTitle_idx" ON "Title"("sortTitle");

-- CreateIndex
CREATE INDEX "Title_authorNames_idx" ON "Title"("authorNames");

-- CreateIndex
CREATE INDEX "Title_year_idx" ON "Title"("year");

-- CreateIndex
CREATE INDEX "Title_popularity_idx" ON "Title"("popularity");

-- CreateIndex
CREATE INDEX "Title_createdAt_idx" ON "Title"("createdAt");

-- CreateIndex
CREATE INDEX "Title_language_idx" ON "Title"("language");

-- CreateIndex
CREATE INDEX "TitleAuthor_authorId_idx" ON "TitleAuthor"("authorId");

-- CreateIndex
CREATE INDEX "TitleGenre_genreId_idx" ON "TitleGenre"("genreId");

-- CreateIndex
CREATE UNIQUE INDEX "Copy_barcode_key" ON "Copy"("barcode");

-- CreateIndex
CREATE INDEX "Copy_titleId_status_idx" ON "Copy"("titleId", "status");

-- CreateIndex
CREATE INDEX "Loan_patronId_returnedAt_idx" ON "Loan"("patronId", "returnedAt");

-- CreateIndex
CREATE INDEX "Loan_copyId_returnedAt_idx" ON "Loan"("copyId", "returnedAt");

-- CreateIndex
CREATE INDEX "Loan_returnedAt_dueAt_idx" ON "Loan"("returnedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Loan_checkedOutAt_idx" ON "Loan"("checkedOutAt");

-- CreateIndex
CREATE INDEX "Hold_titleId_status_placedAt_idx" ON "Hold"("titleId", "status", "placedAt");

-- CreateIndex
CREATE INDEX "Hold_patronId_status_idx" ON "Hold"("patronId", "status");

-- CreateIndex
CREATE INDEX "Hold_status_expiresAt_idx" ON "Hold"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Hold_copyId_idx" ON "Hold"("copyId");

-- CreateIndex
CREATE INDEX "Fine_patronId_settledAt_idx" ON "Fine"("patronId", "settledAt");

-- CreateIndex
CREATE UNIQUE INDEX "Fine_loanId_kind_key" ON "Fine"("loanId", "kind");

-- CreateIndex
CREATE INDEX "Payment_patronId_createdAt_idx" ON "Payment"("patronId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentAllocation_fineId_idx" ON "PaymentAllocation"("fineId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_paymentId_idx" ON "PaymentAllocation"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_channel_readAt_idx" ON "Notification"("userId", "channel", "readAt");

-- CreateIndex
CREATE INDEX "Notification_channel_status_nextAttemptAt_idx" ON "Notification"("channel", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- Hand-written: rules the datamodel cannot express, and the full-text index.

-- A copy has at most one open loan, a patron at most one open hold per title, a copy serves at
-- most one hold at a time. These are the last line of defence against races.
CREATE UNIQUE INDEX "Loan_open_copy_key" ON "Loan"("copyId") WHERE "returnedAt" IS NULL;
CREATE UNIQUE INDEX "Hold_open_patron_title_key" ON "Hold"("patronId", "titleId") WHERE "status" IN ('WAITING', 'IN_PROCESS', 'READY');
CREATE UNIQUE INDEX "Hold_open_copy_key" ON "Hold"("copyId") WHERE "copyId" IS NOT NULL AND "status" IN ('IN_PROCESS', 'READY');

-- Catalogue search: an FTS5 index over the Title table (external content), kept in step by triggers.
CREATE VIRTUAL TABLE "TitleSearch" USING fts5(
  "title", "subtitle", "authorNames", "genreNames", "isbn13",
  content = 'Title', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Title_search_insert" AFTER INSERT ON "Title" BEGIN
  INSERT INTO "TitleSearch"(rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13")
  VALUES (new."id", new."title", new."subtitle", new."authorNames", new."genreNames", new."isbn13");
END;
CREATE TRIGGER "Title_search_delete" AFTER DELETE ON "Title" BEGIN
  INSERT INTO "TitleSearch"("TitleSearch", rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13")
  VALUES ('delete', old."id", old."title", old."subtitle", old."authorNames", old."genreNames", old."isbn13");
END;
CREATE TRIGGER "Title_search_update" AFTER UPDATE OF "title", "subtitle", "authorNames", "genreNames", "isbn13" ON "Title" BEGIN
  INSERT INTO "TitleSearch"("TitleSearch", rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13")
  VALUES ('delete', old."id", old."title", old."subtitle", old."authorNames", old."genreNames", old."isbn13");
  INSERT INTO "TitleSearch"(rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13")
  VALUES (new."id", new."title", new."subtitle", new."authorNames", new."genreNames", new."isbn13");
END;

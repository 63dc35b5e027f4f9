-- Barcodes and card numbers are matched upper case and trimmed (lib/codes.ts), so the stored
-- ones are spelled that way too. A row whose normalised spelling another row already holds is
-- left as it is for a librarian to rename rather than failing the whole migration.
UPDATE "Copy" SET "barcode" = UPPER(TRIM("barcode"))
WHERE "barcode" <> UPPER(TRIM("barcode"))
  AND NOT EXISTS (SELECT 1 FROM "Copy" o WHERE o."barcode" = UPPER(TRIM("Copy"."barcode")));

UPDATE "User" SET "cardNumber" = UPPER(TRIM("cardNumber"))
WHERE "cardNumber" <> UPPER(TRIM("cardNumber"))
  AND NOT EXISTS (SELECT 1 FROM "User" o WHERE o."cardNumber" = UPPER(TRIM("User"."cardNumber")));

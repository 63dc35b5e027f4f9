-- Sorting by year puts titles without a year last (DESC NULLS LAST), an order the plain
-- ascending index cannot give backwards. Without this index PostgreSQL sorts every match of a
-- large genre (20 ms for 8,000 titles) where walking this one finds a page in a few hundred rows.
-- SQLite needs nothing: it sorts NULLs first ascending, so the plain index read backwards fits.
-- (No semicolons in comments: Prisma's migration runner splits statements at every one.)
CREATE INDEX "Title_year_desc_id_desc_idx" ON "Title" ("year" DESC NULLS LAST, "id" DESC);

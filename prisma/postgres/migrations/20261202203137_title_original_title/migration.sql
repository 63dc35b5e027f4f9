-- AlterTable
ALTER TABLE "Title" ADD COLUMN     "originalTitle" TEXT;

-- The original title is searched like the title (weight A), and accents are folded as SQLite's
-- tokenizer folds them ("L'Étranger" is found by "etranger"): unaccent wrapped in a function
-- marked immutable, as a generated column requires. The search vector and its index are rebuilt,
-- fast-update off as before.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION "stacks_fold_accents"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, $1);
ALTER TABLE "Title" DROP COLUMN "searchVector";
ALTER TABLE "Title" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', "stacks_fold_accents"(coalesce("title", ''))), 'A') ||
  setweight(to_tsvector('simple', "stacks_fold_accents"(coalesce("originalTitle", ''))), 'A') ||
  setweight(to_tsvector('simple', "stacks_fold_accents"(coalesce("authorNames", ''))), 'A') ||
  setweight(to_tsvector('simple', coalesce("isbn13", '')), 'A') ||
  setweight(to_tsvector('simple', "stacks_fold_accents"(coalesce("subtitle", ''))), 'B') ||
  setweight(to_tsvector('simple', "stacks_fold_accents"(coalesce("genreNames", ''))), 'C')
) STORED;
CREATE INDEX "Title_searchVector_idx" ON "Title" USING GIN ("searchVector") WITH (fastupdate = off);

-- AlterTable
ALTER TABLE "Title" ADD COLUMN "originalTitle" TEXT;

-- The original title is searched like the title: the full-text index gains a column, rebuilt from the table.
DROP TRIGGER "Title_search_insert";
DROP TRIGGER "Title_search_delete";
DROP TRIGGER "Title_search_update";
DROP TABLE "TitleSearch";
CREATE VIRTUAL TABLE "TitleSearch" USING fts5(
  "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle",
  content = 'Title', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Title_search_insert" AFTER INSERT ON "Title" BEGIN
  INSERT INTO "TitleSearch"(rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle")
  VALUES (new."id", new."title", new."subtitle", new."authorNames", new."genreNames", new."isbn13", new."originalTitle");
END;
CREATE TRIGGER "Title_search_delete" AFTER DELETE ON "Title" BEGIN
  INSERT INTO "TitleSearch"("TitleSearch", rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle")
  VALUES ('delete', old."id", old."title", old."subtitle", old."authorNames", old."genreNames", old."isbn13", old."originalTitle");
END;
CREATE TRIGGER "Title_search_update" AFTER UPDATE OF "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle" ON "Title" BEGIN
  INSERT INTO "TitleSearch"("TitleSearch", rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle")
  VALUES ('delete', old."id", old."title", old."subtitle", old."authorNames", old."genreNames", old."isbn13", old."originalTitle");
  INSERT INTO "TitleSearch"(rowid, "title", "subtitle", "authorNames", "genreNames", "isbn13", "originalTitle")
  VALUES (new."id", new."title", new."subtitle", new."authorNames", new."genreNames", new."isbn13", new."originalTitle");
END;
INSERT INTO "TitleSearch"("TitleSearch") VALUES ('rebuild');

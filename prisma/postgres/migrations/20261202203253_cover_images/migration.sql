-- CreateTable
CREATE TABLE "CoverImage" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "titleId" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoverImage_name_key" ON "CoverImage"("name");

-- CreateIndex
CREATE INDEX "CoverImage_titleId_idx" ON "CoverImage"("titleId");

-- AddForeignKey
ALTER TABLE "CoverImage" ADD CONSTRAINT "CoverImage_titleId_fkey" FOREIGN KEY ("titleId") REFERENCES "Title"("id") ON DELETE CASCADE ON UPDATE CASCADE;

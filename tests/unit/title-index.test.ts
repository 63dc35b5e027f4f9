import { describe, expect, it } from "vitest";
import { slugOf, sortTitleOf, titleIndex } from "@/lib/catalogue/title-index";

describe("sortTitleOf", () => {
  it("drops a leading article and lowercases", () => {
    expect(sortTitleOf("The Hunger Games")).toBe("hunger games");
    expect(sortTitleOf("A Game of Thrones")).toBe("game of thrones");
    expect(sortTitleOf("An Abundance of Katherines")).toBe("abundance of katherines");
  });

  it("keeps articles that are not a separate first word", () => {
    expect(sortTitleOf("Theory of Everything")).toBe("theory of everything");
    expect(sortTitleOf("Anna Karenina")).toBe("anna karenina");
    expect(sortTitleOf("Atonement")).toBe("atonement");
    expect(sortTitleOf("Dune: The Graphic Novel")).toBe("dune: the graphic novel");
  });

  it("ignores surrounding spaces and the article's case", () => {
    expect(sortTitleOf("  THE Road ")).toBe("road");
  });
});

describe("titleIndex", () => {
  it("gives the sort title, the authors in their order and the genres", () => {
    expect(titleIndex("The Hunger Games", ["Suzanne Collins"], ["Young Adult"])).toEqual({
      sortTitle: "hunger games",
      authorNames: "Suzanne Collins",
      genreNames: "Young Adult",
    });
    expect(titleIndex("Good Omens", ["Terry Pratchett", "Neil Gaiman"], ["Fantasy", "Humour"])).toEqual({
      sortTitle: "good omens",
      authorNames: "Terry Pratchett, Neil Gaiman",
      genreNames: "Fantasy, Humour",
    });
  });

  it("leaves the names empty when there are none", () => {
    expect(titleIndex("Beowulf", [], [])).toEqual({ sortTitle: "beowulf", authorNames: "", genreNames: "" });
  });
});

describe("slugOf", () => {
  it("makes URL-safe slugs, accents folded", () => {
    expect(slugOf("Science Fiction")).toBe("science-fiction");
    expect(slugOf("Non-fiction")).toBe("non-fiction");
    expect(slugOf("Littérature & Poésie")).toBe("litterature-poesie");
  });
});

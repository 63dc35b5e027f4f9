import { describe, expect, it } from "vitest";
import { nextSortOrder } from "@/lib/url-params";

describe("nextSortOrder", () => {
  it("starts another column ascending, whatever the direction of the one sorted before", () => {
    expect(nextSortOrder({ sort: "title", dir: "desc" }, "isbn")).toEqual({ sort: "isbn", dir: "asc" });
    expect(nextSortOrder({ sort: "title", dir: "asc" }, "author")).toEqual({ sort: "author", dir: "asc" });
  });

  it("turns the sorted column the other way round", () => {
    expect(nextSortOrder({ sort: "title", dir: "asc" }, "title")).toEqual({ sort: "title", dir: "desc" });
    expect(nextSortOrder({ sort: "title", dir: "desc" }, "title")).toEqual({ sort: "title", dir: "asc" });
  });
});

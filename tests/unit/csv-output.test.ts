import { describe, expect, it } from "vitest";
import { csvText, spreadsheetCell } from "@/lib/csv";

describe("spreadsheetCell", () => {
  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1"])("puts an apostrophe before a formula: %j", (value) => {
    expect(spreadsheetCell(value)).toBe(`'${value}`);
  });

  it("leaves text, numbers and empty cells as they are", () => {
    expect(spreadsheetCell("Dune")).toBe("Dune");
    expect(spreadsheetCell("a=b")).toBe("a=b");
    expect(spreadsheetCell("")).toBe("");
    expect(spreadsheetCell(null)).toBe("");
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell(12)).toBe(12);
  });
});

describe("csvText", () => {
  it("neutralises every cell, the header too, and quotes as CSV does", () => {
    expect(csvText(["Title", "=Loans"], [["=HYPERLINK(\"http://evil\")", 3], ["Dune, the book", -1]])).toBe(
      `Title,'=Loans\r\n"'=HYPERLINK(""http://evil"")",3\r\n"Dune, the book",-1`,
    );
  });

  it("leaves the header out when asked", () => {
    expect(csvText(["Title"], [["@x"]], { header: false })).toBe("'@x");
  });
});

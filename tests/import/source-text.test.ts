import { formatPrinted, keyOf, parseNumber, parseValueWithRank } from "../../src/import/source-text";

describe("printed numbers", () => {
  it.each([
    ["44 741", 44741],
    ["1 265.4", 1265.4],
    ["(7.9)", -7.9],
    ["(142.0)", -142],
    ["0", 0],
    ["", null],
  ])("parses %p", (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(["1 718 363 169x", "abc", "12 34", "4 1 2"])("rejects %p", (text) => {
    expect(() => parseNumber(text)).toThrow(/not a printed number/);
  });

  it("parses a value with its rank", () => {
    expect(parseValueWithRank("310.5 (2)")).toEqual({ value: 310.5, rank: 2 });
  });

  it("formats as the report prints", () => {
    expect(formatPrinted(444673)).toBe("444 673");
    expect(formatPrinted(1265.4, 1)).toBe("1 265.4");
    expect(formatPrinted(12)).toBe("12");
  });

  it("makes stable keys", () => {
    expect(keyOf("Côte d'Ivoire")).toBe("cote_d_ivoire");
    expect(keyOf("Latin America and the Caribbean")).toBe("latin_america_and_the_caribbean");
  });
});

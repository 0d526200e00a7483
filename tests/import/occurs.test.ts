import { occursOnLine } from "../../src/import/occurs";

describe("occursOnLine", () => {
  it("finds grouped and decimal numbers as printed", () => {
    expect(occursOnLine(44741, "Africa\t44 741\t2 069")).toBe(true);
    expect(occursOnLine(1265.4, "Total\t1 265.4\t1 322.1")).toBe(true);
    expect(occursOnLine(-7.9, "Europe\t154.2 (4)\t162.1 (4)\t(7.9)")).toBe(true);
    expect(occursOnLine(142, "x\t(142.0)")).toBe(true);
  });
  it("does not find a number inside a longer one", () => {
    expect(occursOnLine(741, "Africa\t44 741")).toBe(false);
    expect(occursOnLine(44, "Africa\t44 741")).toBe(false);
    expect(occursOnLine(12, "x\t123")).toBe(false);
  });
});

describe("occursOnLine, loose", () => {
  it("finds a number glued to its neighbours in garbled text", () => {
    expect(occursOnLine(363, "1 718 363 169", { loose: true })).toBe(true);
    expect(occursOnLine(363, "1 718 363 169")).toBe(false);
    expect(occursOnLine(36, "1 718 363 169", { loose: true })).toBe(false);
  });
});
